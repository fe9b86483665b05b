using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;

namespace Omnichannel.Orders.Tests.Flow;

public sealed class OrderUpdateTests
{
    [Fact]
    public async Task UpdateWhileNeedsAttention_RematchesTheStoredOrder_WithoutAMapping()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 13001;
        var id = Samples.ShopifyOrderId(shopifyId);
        var body = Samples.Shopify(shopifyId, ("VENDOR-UNKNOWN", 2));

        Assert.True((await hub.PostShopifyAsync(body, "evt-13001")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.NeedsAttention);
        Assert.True((await hub.PostShopifyAsync(Updated(body).Replace("VENDOR-UNKNOWN", Samples.Tee, StringComparison.Ordinal), "evt-13001-u", "orders/updated")).IsSuccessStatusCode);
        var waiting = await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);

        Assert.Equal(2, waiting.Versions);
        Assert.Equal((300, 2), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));
        Assert.Contains(waiting.Timeline, e => e is { What: "completed", Step: "ReadStoredOrder" });
    }

    [Fact]
    public async Task UpdateWhileBackordered_ReservesTheNewQuantity_BeforeAnyRecheck()
    {
        var settings = OrderHub.UniqueSettings();
        settings["Orders:StockRecheckInterval"] = "01:00:00";
        await using var hub = await OrderHub.CreateAsync(settings);
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 13101;
        var id = Samples.ShopifyOrderId(shopifyId);
        var body = Samples.Shopify(shopifyId, (Samples.Mug, 8));

        Assert.True((await hub.PostShopifyAsync(body, "evt-13101")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.Backordered);
        Assert.True((await hub.PostShopifyAsync(Updated(body).Replace("\"quantity\":8", "\"quantity\":4", StringComparison.Ordinal), "evt-13101-u", "orders/updated")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);

        Assert.Equal((5, 4), await Samples.BalanceAsync(hub.Services, Samples.Mug, Samples.Warehouse));
        Assert.Single(await Alerts.ReadAsync(hub), a => a.Kind == "backordered");
    }

    [Fact]
    public async Task LineOfQuantityZero_HeldAsNeedsAttentionWithTheReason_UntilTheChannelCorrectsIt()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 13201;
        var id = Samples.ShopifyOrderId(shopifyId);
        var body = Samples.Shopify(shopifyId, (Samples.Tee, 0));

        Assert.True((await hub.PostShopifyAsync(body, "evt-13201")).IsSuccessStatusCode);
        var held = await hub.WaitForStatusAsync(id, OrderStatus.NeedsAttention);

        Assert.Contains("quantity 0", held.Summary.Detail, StringComparison.Ordinal);
        Assert.Equal((300, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));
        Assert.True((await hub.PostShopifyAsync(Updated(body).Replace("\"quantity\":0", "\"quantity\":1", StringComparison.Ordinal), "evt-13201-u", "orders/updated")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Equal((300, 1), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));
    }

    private static string Updated(string body) => body.Replace("2026-11-25T09:00:01Z", "2026-11-25T09:20:00Z", StringComparison.Ordinal);
}
