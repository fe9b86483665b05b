using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Sync.Tests.Support;

using Omnichannel.Testing;

namespace Omnichannel.Sync.Tests.Reconciliation;

/// <summary>Reconciliation through a real adapter (WooCommerce) and its HTTP calls to a local fake store.</summary>
public sealed class RealChannelReconcileTests
{
    private const string Products = "/wp-json/wc/v3/products/";

    [Fact]
    public async Task Run_DriftInjectedAtTheChannel_ReadThroughTheAdapterAndFixed()
    {
        await using var store = await FakeChannelServer.StartAsync();
        var stock = new ConcurrentDictionary<string, int>();
        store.Handler = r => Answer(stock, r);
        await using var h = await SyncHarness.CreateAsync(
            new Dictionary<string, string?>
            {
                ["Channels:woocommerce:main:BaseUrl"] = store.BaseUrl.ToString(),
                ["Channels:woocommerce:main:ConsumerKey"] = "ck_1",
                ["Channels:woocommerce:main:ConsumerSecret"] = "cs_1",
            },
            (services, configuration) => services.AddSingleton(configuration).AddChannels(configuration));
        await h.AddLocationsAsync();
        await h.Catalogue.UpsertProductAsync(new Product("sku-w", "Product w"), default);
        await h.Catalogue.UpsertListingAsync(new ChannelListing("woocommerce", "main", "101", null, "sku-w", new StockRule()), default);
        await h.Catalogue.UpsertListingAsync(new ChannelListing("woocommerce", "main", "102:7", null, "sku-w", new StockRule(BufferUnits: 2)), default);
        await h.MoveAsync("sku-w", MovementKind.Receipt, "wh", 12);
        await h.Engine.SyncSkuAsync("sku-w", null, default);
        Assert.Equal((12, 10), (stock["101"], stock["102/variations/7"]));

        // Someone edits the figure by hand in the shop's back office.
        stock["101"] = 40;
        var report = await h.Reconciler.RunAsync(default);

        var drift = Assert.Single(report.Drifts);
        Assert.Equal(("woocommerce", "101", 40, 12), (drift.Channel, drift.ChannelItemId, drift.Shown, drift.Expected));
        Assert.Equal((2, 2, 1, 1, 0), (report.Listings, report.Read, report.Drifted, report.Fixed, report.Unreadable));
        Assert.Equal((12, 10), (stock["101"], stock["102/variations/7"]));
        Assert.Contains(store.Requests, r => r.Method == "GET" && PathOf(r) == Products + "102/variations/7");
        var state = await h.State.GetAsync("sku-w", CatalogueStore.ListingKey("woocommerce", "main", "101"), default);
        Assert.Equal((1, 40, 12), (state!.Drifts, state.LastDriftShown!.Value, state.Pushed!.Value));
    }

    /// <summary>The store's products and variations: GET shows <c>stock_quantity</c> (404 when unknown), PUT sets it.</summary>
    private static (int Status, string Body)? Answer(ConcurrentDictionary<string, int> stock, RecordedRequest request)
    {
        var path = PathOf(request);
        if (!path.StartsWith(Products, StringComparison.Ordinal))
        {
            return (404, """{"code":"rest_no_route"}""");
        }

        var id = path[Products.Length..];
        if (request.Method == "PUT")
        {
            stock[id] = JsonDocument.Parse(request.Body).RootElement.GetProperty("stock_quantity").GetInt32();
        }

        return stock.TryGetValue(id, out var quantity)
            ? (200, string.Create(CultureInfo.InvariantCulture, $$"""{"id":"{{id}}","manage_stock":true,"stock_quantity":{{quantity}}}"""))
            : (404, """{"code":"woocommerce_rest_product_invalid_id"}""");
    }

    private static string PathOf(RecordedRequest request) => request.PathAndQuery.Split('?')[0];
}
