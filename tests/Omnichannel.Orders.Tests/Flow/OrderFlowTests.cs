using System.Net;
using Omnichannel.Durable.Model;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;

namespace Omnichannel.Orders.Tests.Flow;

public sealed class OrderFlowTests
{
    [Fact]
    public async Task ShopifyOrder_ShippedAndConfirmed_ReportsTrackingOnceAndLedgerShowsReserveThenShip()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 1001;
        var id = Samples.ShopifyOrderId(shopifyId);

        var posted = await hub.PostShopifyAsync(Samples.Shopify(shopifyId, (Samples.Tee, 2)), "evt-1001");
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        var waiting = await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Equal(2, (await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse)).Reserved);
        Assert.Equal("pickList", Assert.Single(waiting.Fulfilment).Mode);

        Assert.Equal(HttpStatusCode.Accepted, (await hub.ConfirmShipmentAsync(id, "TRACK-1001")).StatusCode);
        var end = await hub.WaitForEndAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        var report = Assert.Single(hub.Channel.Reports);
        Assert.Equal("1001", report.Report.ChannelOrderId);
        Assert.Equal("TRACK-1001", report.Report.TrackingNumber);
        Assert.Equal($"{id}:shipment:TRACK-1001", report.Key);
        Assert.Equal([MovementKind.Reserve, MovementKind.Ship], await Samples.MovementsAsync(hub.Services, Samples.Tee, id));
        Assert.Equal((298, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));
        var detail = await hub.GetOrderAsync(id);
        Assert.Equal(OrderStatus.Completed, detail.Summary.Status);
        Assert.Contains(detail.Timeline, e => e is { What: "completed", Step: "ReportTracking" });
        Assert.Contains(detail.Timeline, e => e is { What: "event", Step: "ShipmentConfirmed" });
    }
}
