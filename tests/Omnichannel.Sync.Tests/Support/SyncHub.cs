using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels.Outbound;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Testing;

namespace Omnichannel.Sync.Tests.Support;

/// <summary>The whole hub with this test's own storage names, a recording fake "shopify" channel, and any extra settings.</summary>
internal sealed class SyncHub(HubFactory factory, FakeChannel shopify) : IAsyncDisposable
{
    public FakeChannel Shopify { get; } = shopify;

    public IServiceProvider Services => factory.Services;

    public static async Task<SyncHub> CreateAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = SyncHarness.UniqueSettings();
        settings["Channels:Ingestion:ArchiveContainer"] = Unique.Name("arch");
        settings["Channels:Ingestion:OrderQueue"] = Unique.Name("orders");
        settings["Channels:Ingestion:DeliveryQueue"] = Unique.Name("deliv");
        settings["Channels:Ingestion:DedupeTable"] = Unique.Name("dedupe");
        settings["Channels:Ingestion:QuarantineTable"] = Unique.Name("quar");
        settings["Channels:Ingestion:CursorTable"] = Unique.Name("cursor");
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }

        var shopify = new FakeChannel("shopify");
        var factory = await HubFactory.CreateAsync(settings, s => s.AddSingleton<IChannelClient>(shopify));
        return new SyncHub(factory, shopify);
    }

    public HttpClient CreateFunctionClient() => factory.CreateFunctionClient();

    public HttpClient CreateClient() => factory.CreateClient();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task AddListedProductAsync(string sku, string channel, int quantity)
    {
        var catalogue = Get<CatalogueStore>();
        await catalogue.UpsertLocationAsync(new Location("wh", "Warehouse", LocationKind.Warehouse), default);
        await catalogue.UpsertProductAsync(new Product(sku, "Product " + sku, Brand: "Acme"), default);
        await catalogue.UpsertListingAsync(new ChannelListing(channel, "main", SyncHarness.ItemId(channel, sku), null, sku, new StockRule()), default);
        await Get<StockLedger>().RecordAsync(new MovementCommand(sku, MovementKind.Receipt, "wh", quantity, Guid.NewGuid().ToString("N"), null, null, null), default);
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();
}
