using System.Net;
using System.Net.Http.Json;
using Omnichannel.Sync.Feeds;
using Omnichannel.Sync.Http;
using Omnichannel.Sync.Pushing;
using Omnichannel.Sync.Tests.Support;

using Omnichannel.Testing;

namespace Omnichannel.Sync.Tests.Http;

public sealed class SyncHttpTests
{
    [Fact]
    public async Task GetStatus_AfterAPushAndAFailure_ShowsPerChannelLastFigurePendingAndError()
    {
        await using var hub = await SyncHub.CreateAsync();
        await hub.AddListedProductAsync("s-1", "shopify", 7);
        await hub.Get<StockSyncEngine>().SyncSkuAsync("s-1", null, default);
        // Only s-2 fails: the hub's own queue listener may push s-1 again at any time, and that must succeed.
        hub.Shopify.DownFor[SyncHarness.ItemId("shopify", "s-2")] = true;
        await hub.AddListedProductAsync("s-2", "shopify", 4);
        await hub.Get<StockSyncEngine>().SyncSkuAsync("s-2", null, default);

        var status = await hub.CreateFunctionClient().GetFromJsonAsync<SyncStatus>("/api/sync/status?channel=shopify");

        var channel = Assert.Single(status!.Channels);
        Assert.Equal(("shopify", 2, 1), (channel.Channel, channel.Listings, channel.Pending));
        var ok = channel.Items.Single(i => i.Sku == "s-1");
        Assert.Equal((7, (int?)null, (string?)null), (ok.LastPushed!.Value, ok.Pending, ok.LastError));
        Assert.NotNull(ok.LastPushedAt);
        var failed = channel.Items.Single(i => i.Sku == "s-2");
        // The hub's own queue listener may handle the stock-changed message too: one failure or two.
        Assert.Equal(4, failed.Pending);
        Assert.InRange(failed.ConsecutiveFailures, 1, 2);
        Assert.Null(failed.LastPushed);
        Assert.Contains("503", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_WithoutKeyOrWithBadLimit_IsRefused()
    {
        await using var hub = await SyncHub.CreateAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await hub.CreateClient().GetAsync("/api/sync/status")).StatusCode);
        var bad = await hub.CreateFunctionClient().GetAsync("/api/sync/status?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("limit", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StockChange_ThroughTheHubQueueFunctionAndRealGenericClient_PutsTheFigureToTheChannelServer()
    {
        await using var server = await FakeChannelServer.StartAsync();
        await using var hub = await SyncHub.CreateAsync(new()
        {
            ["Channels:rakuten:Adapter"] = "generic",
            ["Channels:rakuten:main:BaseUrl"] = server.BaseUrl.ToString(),
            ["Channels:rakuten:main:Secret"] = "test-secret-0123456789",
        });
        _ = hub.CreateClient();

        // The ledger enqueues the change; the hub's own queue listener runs the sync function.
        await hub.AddListedProductAsync("g-1", "rakuten", 11);
        var put = await Eventually.ValueAsync(() => Task.FromResult(server.Requests.FirstOrDefault(r => r.Method == "PUT")), r => r is not null, "the first PUT to the channel");

        Assert.Equal("/listings/rakuten-g-1/quantity", put!.PathAndQuery);
        Assert.Equal(11, put.Json.GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Feeds_PutPriceGenerateAndGet_ServesLatestWithGenerationTime()
    {
        await using var hub = await SyncHub.CreateAsync();
        await hub.AddListedProductAsync("f-1", "shopify", 3);
        var client = hub.CreateFunctionClient();

        var badPrice = await client.PutAsJsonAsync("/api/feeds/prices/f-1", new { price = -1, currency = "eur" });
        Assert.Equal(HttpStatusCode.BadRequest, badPrice.StatusCode);
        var problem = await badPrice.Content.ReadAsStringAsync();
        Assert.Contains("price", problem, StringComparison.Ordinal);
        Assert.Contains("currency", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/feeds/price-comparison")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/feeds/prices/f-1", new { price = 4.5, currency = "EUR", link = "https://shop.example/f-1" })).StatusCode);

        var generated = await client.PostAsync("/api/feeds/price-comparison/generate", null);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var feed = await client.GetAsync("/api/feeds/price-comparison");

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/csv", feed.Content.Headers.ContentType!.MediaType);
        Assert.True(feed.Headers.Contains(FeedFunctions.GeneratedAtHeader));
        Assert.Contains("f-1,Product f-1,Acme,,,4.50,EUR,in_stock,3,https://shop.example/f-1", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/feeds/unknown")).StatusCode);
    }
}
