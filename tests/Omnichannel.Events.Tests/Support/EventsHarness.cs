using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Events.Destinations;
using Omnichannel.Events.Dispatch;
using Omnichannel.Events.History;
using Omnichannel.Events.Outbox;
using Omnichannel.Ledger;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Storage.Connection;
using Omnichannel.Testing;

namespace Omnichannel.Events.Tests.Support;

/// <summary>
/// One "host" of the events feature and the ledger on the test Azurite: its own services (in-process state),
/// tables and queues of this test, and a fake clock. <see cref="SiblingAsync"/> is another host on the same storage.
/// </summary>
internal sealed class EventsHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    private EventsHarness(ServiceProvider provider, IReadOnlyDictionary<string, string?> settings, FakeTimeProvider time)
    {
        (_provider, Settings, Time) = (provider, settings, time);
    }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public FakeTimeProvider Time { get; }

    public StockLedger Ledger => Get<StockLedger>();

    public OutboxDispatcher Dispatcher => Get<OutboxDispatcher>();

    public OutboxSweeper Sweeper => Get<OutboxSweeper>();

    public EventOutbox Outbox => Get<EventOutbox>();

    public EventJournalStore Journal => Get<EventJournalStore>();

    public DestinationStateStore States => Get<DestinationStateStore>();

    public QueueClient EventsQueue => Get<StorageAccount>().Queues.GetQueueClient(Settings["Events:Queue"]);

    public QueueClient Queue(string setting) => Get<StorageAccount>().Queues.GetQueueClient(Settings[setting]);

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static Dictionary<string, string?> UniqueSettings(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = TestStorage.UniqueNames();
        settings["Ledger:StockChangedWindow"] = "00:00:00";
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        return settings;
    }

    public static async Task<EventsHarness> CreateAsync(IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null) =>
        Build(UniqueSettings(extra), await Azurite.AccountAsync(), new FakeTimeProvider(Start), services);

    /// <summary>Another host (new services, nothing in memory shared) on the same storage and clock.</summary>
    public async Task<EventsHarness> SiblingAsync(Action<IServiceCollection>? services = null) => Build(Settings, await Azurite.AccountAsync(), Time, services);

    public async Task AddProductAsync(string sku, int? reorderPoint = null)
    {
        var catalogue = Get<CatalogueStore>();
        await catalogue.UpsertLocationAsync(new Location("wh", "Warehouse", LocationKind.Warehouse), default);
        await catalogue.UpsertLocationAsync(new Location("store", "Store", LocationKind.Store, ShipsOnline: false, Pickup: true), default);
        await catalogue.UpsertProductAsync(new Product(sku, "Product " + sku, ReorderPoint: reorderPoint), default);
    }

    public Task<MovementOutcome> MoveAsync(string sku, MovementKind kind, int quantity, string key, string location = "wh") =>
        Ledger.RecordAsync(new MovementCommand(sku, kind, location, quantity, key), default);

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private static EventsHarness Build(IReadOnlyDictionary<string, string?> settings, StorageAccount account, FakeTimeProvider time, Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(account);
        services.AddSingleton<TimeProvider>(time);
        configure?.Invoke(services);
        services.AddLedger(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return new EventsHarness(services.BuildServiceProvider(), settings, time);
    }
}
