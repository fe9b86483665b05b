using System.Net;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Flow;
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

    [Fact]
    public async Task FulfilledByAmazon_RecordsSaleAtFbaAndSkipsShipping()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        var id = OrderId.For("amazon", "main", "111-2222222-3333333");

        var body = Samples.Generic("111-2222222-3333333", new { kind = "fulfilled_by_channel", network = "AFN" }, "order.created", (Samples.Tee, 4));
        Assert.True((await hub.PostGenericAsync("amazon", body, "a-evt-1")).IsSuccessStatusCode);
        var end = await hub.WaitForEndAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal([MovementKind.PosSale], await Samples.MovementsAsync(hub.Services, Samples.Tee, id));
        Assert.Equal((196, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Fba));
        Assert.Equal((300, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));
        Assert.Empty(hub.Channel.Reports);
        Assert.Equal(OrderStatus.Completed, (await hub.GetOrderAsync(id)).Summary.Status);
    }

    [Fact]
    public async Task NotEnoughStock_Backordered_ThenStockArrives_ReservesAndAlertsOnce()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 1002;
        var id = Samples.ShopifyOrderId(shopifyId);

        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(shopifyId, (Samples.Mug, 8)), "evt-1002")).IsSuccessStatusCode);
        var backordered = await hub.WaitForStatusAsync(id, OrderStatus.Backordered);
        Assert.Contains("MUG-01: 8 wanted, 5 available", backordered.Summary.Detail, StringComparison.Ordinal);
        Assert.Equal((5, 0), await Samples.BalanceAsync(hub.Services, Samples.Mug, Samples.Warehouse));

        var ledger = hub.Services.GetRequiredService<StockLedger>();
        Assert.Null((await ledger.RecordAsync(new MovementCommand(Samples.Mug, MovementKind.Receipt, Samples.Warehouse, 10, "po-1"), default)).Rejection);
        await hub.Durable.RaiseEventAsync(id, OrderEvents.StockAvailable);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);

        Assert.Equal((15, 8), await Samples.BalanceAsync(hub.Services, Samples.Mug, Samples.Warehouse));
        var alert = Assert.Single(await Alerts.ReadAsync(hub));
        Assert.Equal("backordered", alert.Kind);
    }
}
