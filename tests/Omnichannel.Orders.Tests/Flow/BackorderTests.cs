using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Storage;
using Omnichannel.Orders.Tests.Support;
using Omnichannel.Testing;

namespace Omnichannel.Orders.Tests.Flow;

public sealed class BackorderTests
{
    [Fact]
    public async Task Backordered_StockReceipt_WakesTheOrderLongBeforeTheRecheck()
    {
        await using var hub = await OrderHub.CreateAsync(Settings());
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 12001;
        var id = Samples.ShopifyOrderId(shopifyId);
        var index = hub.Services.GetRequiredService<BackorderStore>();

        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(shopifyId, (Samples.Mug, 8)), "evt-12001")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.Backordered);
        await Eventually.UntilAsync(async () => (await index.WaitingForAsync(Samples.Mug, default)).Contains(id), $"{id} waiting for {Samples.Mug}");

        var ledger = hub.Services.GetRequiredService<StockLedger>();
        Assert.Null((await ledger.RecordAsync(new MovementCommand(Samples.Mug, MovementKind.Receipt, Samples.Warehouse, 10, "po-12001"), default)).Rejection);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);

        Assert.Equal((15, 8), await Samples.BalanceAsync(hub.Services, Samples.Mug, Samples.Warehouse));
        Assert.Empty(await index.WaitingForAsync(Samples.Mug, default));
        Assert.Contains((await hub.GetOrderAsync(id)).Timeline, e => e is { What: "event", Step: "StockAvailable" });
    }

    [Fact]
    public async Task BackorderedThenCancelled_LeavesTheIndex()
    {
        await using var hub = await OrderHub.CreateAsync(Settings());
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 12101;
        var id = Samples.ShopifyOrderId(shopifyId);
        var index = hub.Services.GetRequiredService<BackorderStore>();

        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(shopifyId, (Samples.Mug, 9), (Samples.Tee, 1)), "evt-12101")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.Backordered);
        await Eventually.UntilAsync(async () => (await index.WaitingForAsync(Samples.Tee, default)).Contains(id), $"{id} waiting for {Samples.Tee}");
        Assert.Equal(HttpStatusCode.Accepted, (await hub.Client.PostAsJsonAsync(new Uri($"api/orders/{id}/cancel", UriKind.Relative), new { })).StatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.Cancelled);

        Assert.Empty(await index.WaitingForAsync(Samples.Mug, default));
        Assert.Empty(await index.WaitingForAsync(Samples.Tee, default));
    }

    /// <summary>A re-check an hour away, so only the stock change can wake the order in time; changes sent at once.</summary>
    private static Dictionary<string, string?> Settings()
    {
        var settings = OrderHub.UniqueSettings();
        settings["Orders:StockRecheckInterval"] = "01:00:00";
        settings["Ledger:StockChangedWindow"] = "00:00:00";
        return settings;
    }
}
