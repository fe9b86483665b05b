using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Ledger.Sales;
using Omnichannel.Ledger.Stock;
using Omnichannel.Storage.Connection;
using Omnichannel.Testing;

namespace Omnichannel.Ledger.Tests;

/// <summary>The ledger's services on the test Azurite, with tables and queues of its own and a fake clock.</summary>
internal sealed class LedgerHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    private LedgerHarness(ServiceProvider provider, StorageAccount account, FakeTimeProvider time, IReadOnlyDictionary<string, string?> settings)
    {
        _provider = provider;
        Account = account;
        Time = time;
        Settings = settings;
    }

    public StorageAccount Account { get; }

    public FakeTimeProvider Time { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public StockLedger Ledger => _provider.GetRequiredService<StockLedger>();

    public StockReader Reader => _provider.GetRequiredService<StockReader>();

    public CatalogueStore Catalogue => _provider.GetRequiredService<CatalogueStore>();

    public ListingMatcher Matcher => _provider.GetRequiredService<ListingMatcher>();

    public SalesStore Sales => _provider.GetRequiredService<SalesStore>();

    public LedgerStorage Storage => _provider.GetRequiredService<LedgerStorage>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Unique storage names for one test, plus any extra settings.</summary>
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

    public static async Task<LedgerHarness> CreateAsync(IReadOnlyDictionary<string, string?>? extra = null) =>
        Build(UniqueSettings(extra), await Azurite.AccountAsync(), new FakeTimeProvider(Start));

    /// <summary>A second instance of the ledger (its own services and in-process state) on the same tables and clock.</summary>
    public async Task<LedgerHarness> SiblingAsync() => Build(Settings, await Azurite.AccountAsync(), Time);

    private static LedgerHarness Build(IReadOnlyDictionary<string, string?> settings, StorageAccount account, FakeTimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(account);
        services.AddSingleton<TimeProvider>(time);
        services.AddLedger(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return new LedgerHarness(services.BuildServiceProvider(), account, time, settings);
    }

    /// <summary>The three locations of the design's example: a store, a warehouse and Amazon FBA.</summary>
    public async Task AddExampleLocationsAsync()
    {
        await Catalogue.UpsertLocationAsync(new Location("store", "Store", LocationKind.Store, ShipsOnline: false, Pickup: true), default);
        await Catalogue.UpsertLocationAsync(new Location("wh", "Warehouse", LocationKind.Warehouse), default);
        await Catalogue.UpsertLocationAsync(new Location("fba", "Amazon FBA", LocationKind.ChannelFulfilled, FulfilledChannel: "amazon"), default);
    }

    public Task AddProductAsync(string sku, int? reorderPoint = null, int safetyStock = 0) =>
        Catalogue.UpsertProductAsync(new Product(sku, "Product " + sku, ReorderPoint: reorderPoint, SafetyStock: safetyStock), default);

    public async Task<MovementOutcome> MoveAsync(string sku, MovementKind kind, string location, int quantity, string? key = null, string? other = null, ReturnCondition? condition = null, MovementSource? source = null, decimal? price = null) =>
        await Ledger.RecordAsync(new MovementCommand(sku, kind, location, quantity, key ?? Guid.NewGuid().ToString("N"), source, other, kind == MovementKind.Adjustment ? "test" : null, condition, price), default);

    public async Task<Movement> RecordAsync(string sku, MovementKind kind, string location, int quantity, string? key = null, string? other = null) =>
        (await MoveAsync(sku, kind, location, quantity, key, other)).Movement ?? throw new InvalidOperationException("The movement was refused.");

    public async Task<StockView> StockAsync(string sku) => await Reader.GetAsync(sku, default) ?? throw new InvalidOperationException($"No stock for {sku}.");

    public async Task<int> QueueLengthAsync(QueueClient queue) => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
