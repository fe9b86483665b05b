using System.Net;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;
using Omnichannel.Testing;

namespace Omnichannel.Orders.Tests.Flow;

/// <summary>No single location has the whole line: it is reserved where the stock is, and each location ships its own parcel.</summary>
public sealed class SplitShipmentTests
{
    [Fact]
    public async Task LineLargerThanAnyLocation_SplitOverTwo_OneParcelEachReportedAndShippedThere()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        var receipt = await hub.Services.GetRequiredService<StockLedger>().RecordAsync(new MovementCommand(Samples.Mug, MovementKind.Receipt, Samples.Store, 3, "split-test:store-mugs"), default);
        Assert.Null(receipt.Rejection);
        var id = Samples.ShopifyOrderId(7001);

        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(7001, (Samples.Mug, 7)), "evt-7001")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Equal((5, 5), await Samples.BalanceAsync(hub.Services, Samples.Mug, Samples.Warehouse));
        Assert.Equal((3, 2), await Samples.BalanceAsync(hub.Services, Samples.Mug, Samples.Store));

        var unnamed = await ShipAsync(hub, id, "TRACK-A", location: null);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("location", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Accepted, (await ShipAsync(hub, id, "TRACK-WH", Samples.Warehouse)).StatusCode);
        await Eventually.UntilAsync(() => hub.Channel.Reports.Count == 1, "one shipment reported to the channel");

        // The engine writes the instance's status after it hands the step over, and the report's outcome reaches
        // the flow in its next episode: the flow then waits for the other parcel.
        await Eventually.UntilAsync(async () => (await hub.GetOrderAsync(id)).Summary is { Status: OrderStatus.AwaitingShipment, Detail: { } d } && d.Contains("1 parcel(s) shipped", StringComparison.Ordinal), "the order awaiting its second parcel");
        Assert.Equal((0, 0), await Samples.BalanceAsync(hub.Services, Samples.Mug, Samples.Warehouse));
        Assert.Equal((3, 2), await Samples.BalanceAsync(hub.Services, Samples.Mug, Samples.Store));

        Assert.Equal(HttpStatusCode.Accepted, (await ShipAsync(hub, id, "TRACK-ST", Samples.Store)).StatusCode);
        var end = await hub.WaitForEndAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal((1, 0), await Samples.BalanceAsync(hub.Services, Samples.Mug, Samples.Store));
        var reports = hub.Channel.Reports.Select(r => (r.Report.TrackingNumber, r.Report.Lines.Sum(l => l.Quantity))).Order().ToList();
        Assert.Equal([("TRACK-ST", 2), ("TRACK-WH", 5)], reports);
    }

    [Fact]
    public async Task CancelledAfterTheFirstParcel_RestReleasedAndFlagged()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        await hub.Services.GetRequiredService<StockLedger>().RecordAsync(new MovementCommand(Samples.Mug, MovementKind.Receipt, Samples.Store, 3, "split-test:store-mugs"), default);
        var id = Samples.ShopifyOrderId(7002);
        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(7002, (Samples.Mug, 7)), "evt-7002")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);

        Assert.Equal(HttpStatusCode.Accepted, (await ShipAsync(hub, id, "TRACK-WH", Samples.Warehouse)).StatusCode);
        await Eventually.UntilAsync(() => hub.Channel.Reports.Count == 1, "one shipment reported to the channel");
        await Eventually.UntilAsync(async () => (await hub.GetOrderAsync(id)).Summary.Detail?.Contains("1 parcel", StringComparison.Ordinal) == true, "the order noting one parcel shipped");
        Assert.Equal(HttpStatusCode.Accepted, (await hub.Client.PostAsJsonAsync(new Uri($"api/orders/{id}/cancel", UriKind.Relative), new { reason = "buyer called" })).StatusCode);
        var end = await hub.WaitForEndAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal((3, 0), await Samples.BalanceAsync(hub.Services, Samples.Mug, Samples.Store));
        Assert.Contains(OrderFlags.CancelledAfterFlow, (await hub.GetOrderAsync(id)).Summary.Flags);
    }

    private static Task<HttpResponseMessage> ShipAsync(OrderHub hub, string id, string tracking, string? location) =>
        hub.Client.PostAsJsonAsync(new Uri($"api/shipments/{id}", UriKind.Relative), new { carrier = "DHL", trackingNumber = tracking, location });
}
