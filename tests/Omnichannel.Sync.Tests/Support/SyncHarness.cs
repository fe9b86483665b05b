using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels.Outbound;
using Omnichannel.Ledger;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Ledger.Stock;
using Omnichannel.Sync.Pushing;
using Omnichannel.Sync.Reconciliation;
using Omnichannel.Sync.State;
using Omnichannel.Testing;

namespace Omnichannel.Sync.Tests.Support;

/// <summary>Ledger and sync services on the test Azurite with their own tables, a fake clock and fake channels.</summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    public static readonly string[] ChannelNames = ["shopify", "ebay", "amazon", "etsy", "walmart"];

    /// <summary>The channel registered without a stock reader, as a channel whose API cannot read stock.</summary>
    public const string Unreadable = "walmart";

    private readonly ServiceProvider _provider;

    private SyncHarness(ServiceProvider provider, SignalingTime time, IReadOnlyDictionary<string, FakeChannel> channels)
    {
        _provider = provider;
        Time = time;
        Channels = channels;
    }

    public SignalingTime Time { get; }

    public IReadOnlyDictionary<string, FakeChannel> Channels { get; }

    public CatalogueStore Catalogue => Get<CatalogueStore>();

    public StockSyncEngine Engine => Get<StockSyncEngine>();

    public SyncStateStore State => Get<SyncStateStore>();

    public Reconciler Reconciler => Get<Reconciler>();

    public QueueClient StockChangedQueue => Get<LedgerStorage>().StockChanged;

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static Dictionary<string, string?> UniqueSettings() =>
        TestStorage.UniqueNames(new Dictionary<string, string?> { ["Ledger:StockChangedWindow"] = "00:00:00" });

    /// <summary>The harness; <paramref name="configure"/> adds services (e.g. the real channel clients) with the harness's settings.</summary>
    public static async Task<SyncHarness> CreateAsync(IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection, IConfiguration>? configure = null)
    {
        var settings = UniqueSettings();
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var time = new SignalingTime(Start);
        var channels = ChannelNames.ToDictionary(c => c, c => new FakeChannel(c));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(await Azurite.AccountAsync());
        services.AddSingleton<TimeProvider>(time);
        services.AddLedger(configuration);
        services.AddSync(configuration);
        foreach (var channel in channels.Values)
        {
            services.AddSingleton<IChannelClient>(channel);
            if (channel.Channel != Unreadable)
            {
                services.AddSingleton<IChannelStockReader>(channel);
            }
        }

        configure?.Invoke(services, configuration);
        return new SyncHarness(services.BuildServiceProvider(), time, channels);
    }

    /// <summary>A store that ships online, a warehouse, and Amazon FBA.</summary>
    public async Task AddLocationsAsync()
    {
        await Catalogue.UpsertLocationAsync(new Location("store", "Store", LocationKind.Store, ShipsOnline: true, Pickup: true), default);
        await Catalogue.UpsertLocationAsync(new Location("wh", "Warehouse", LocationKind.Warehouse), default);
        await Catalogue.UpsertLocationAsync(new Location("fba", "Amazon FBA", LocationKind.ChannelFulfilled, FulfilledChannel: "amazon"), default);
    }

    public async Task AddProductAsync(string sku, params (string Channel, StockRule Rule)[] listings)
    {
        await Catalogue.UpsertProductAsync(new Product(sku, "Product " + sku, Brand: "Acme", Gtin: null), default);
        foreach (var (channel, rule) in listings)
        {
            await Catalogue.UpsertListingAsync(new ChannelListing(channel, "main", ItemId(channel, sku), null, sku, rule), default);
        }
    }

    public static string ItemId(string channel, string sku) => $"{channel}-{sku}";

    public async Task<Movement> MoveAsync(string sku, MovementKind kind, string location, int quantity) =>
        (await Get<StockLedger>().RecordAsync(new MovementCommand(sku, kind, location, quantity, Guid.NewGuid().ToString("N"), null, null, kind == MovementKind.Adjustment ? "test" : null), default)).Movement
        ?? throw new InvalidOperationException("The movement was refused.");

    /// <summary>Receives every queued stock-changed message and runs the queue function (<see cref="PushFunctions.StockChangedAsync"/>) on each, <paramref name="parallel"/> at a time.</summary>
    public async Task<int> DrainQueueAsync(int parallel = 1)
    {
        var handled = 0;
        while (true)
        {
            var messages = (await StockChangedQueue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
            if (messages.Length == 0)
            {
                return handled;
            }

            using var gate = new SemaphoreSlim(parallel);
            await Task.WhenAll(messages.Select(async m =>
            {
                await gate.WaitAsync();
                try
                {
                    using var scope = _provider.CreateScope();
                    await CreatePushFunctions(scope.ServiceProvider).StockChangedAsync(m, default);
                    await StockChangedQueue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                    Interlocked.Increment(ref handled);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
    }

    /// <summary>The push functions as the worker creates them: per invocation, from a scope.</summary>
    public static PushFunctions CreatePushFunctions(IServiceProvider scope) => ActivatorUtilities.CreateInstance<PushFunctions>(scope);

    public async Task<ListingSyncState> StateAsync(string channel, string sku) =>
        await State.GetAsync(sku, CatalogueStore.ListingKey(channel, "main", ItemId(channel, sku)), default) ?? throw new InvalidOperationException("No state.");

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
