using System.Net;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;

namespace Omnichannel.Orders.Tests.Flow;

public sealed class ClickAndCollectTests
{
    [Fact]
    public async Task ReadyThenPickedUp_ReservesAtStoreTellsChannelShipsThereAndReportsOnce()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        var id = OrderId.For("rakuten", "main", "R-1");

        Assert.True((await hub.PostGenericAsync("rakuten", Pickup("R-1", 3), "r-evt-1")).IsSuccessStatusCode);
        var preparing = await hub.WaitForStatusAsync(id, OrderStatus.PreparingPickup);
        Assert.Equal(Samples.Store, Assert.Single(preparing.Fulfilment).Location);
        Assert.Equal((200, 3), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Store));
        Assert.Equal(HttpStatusCode.Conflict, (await hub.ConfirmShipmentAsync(id, "T-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(hub, id, "picked-up")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(hub, id, "ready-for-pickup", new { at = "2026-11-25T10:00:00Z" })).StatusCode);
        var ready = await hub.WaitForStatusAsync(id, OrderStatus.ReadyForPickup);
        var told = Assert.Single(hub.Channel.ReadyForPickup);
        Assert.Equal(("rakuten", "R-1"), (told.Channel, told.Report.ChannelOrderId));
        Assert.Equal(("R-1-0", 3), (Assert.Single(told.Report.Lines).ChannelLineId, told.Report.Lines[0].Quantity));
        Assert.Contains(ready.Timeline, e => e is { What: "completed", Step: "ReportReadyForPickup", Detail: "ready for pickup reported to rakuten" });
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(hub, id, "ready-for-pickup")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(hub, id, "picked-up")).StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await hub.WaitForEndAsync(id)).RuntimeStatus);

        var report = Assert.Single(hub.Channel.Reports);
        Assert.Equal(($"{id}:pickup", "pickup", string.Empty), (report.Key, report.Report.Carrier, report.Report.TrackingNumber));
        Assert.Equal([MovementKind.Reserve, MovementKind.Ship], await Samples.MovementsAsync(hub.Services, Samples.Tee, id));
        Assert.Equal((197, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Store));
        Assert.Equal((300, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));
        var detail = await hub.GetOrderAsync(id);
        Assert.Equal(OrderStatus.Completed, detail.Summary.Status);
        Assert.StartsWith($"Picked up at {Samples.Store}", detail.Summary.Detail, StringComparison.Ordinal);
        Assert.Single(hub.Channel.ReadyForPickup);
    }

    [Fact]
    public async Task ChannelWithoutPickupCall_IsNotToldAndTheTimelineSaysSo()
    {
        var channel = new RecordingChannel();
        channel.WithoutOptionalCalls.Add("rakuten");
        await using var hub = await OrderHub.CreateAsync(channel: channel);
        await Samples.SeedAsync(hub.Services);
        var id = OrderId.For("rakuten", "main", "R-2");

        Assert.True((await hub.PostGenericAsync("rakuten", Pickup("R-2", 1), "r-evt-2")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.PreparingPickup);
        // No body at all, as curl -X POST sends it.
        Assert.Equal(HttpStatusCode.Accepted, (await hub.Client.PostAsync(new Uri($"api/orders/{id}/ready-for-pickup", UriKind.Relative), null)).StatusCode);
        var ready = await hub.WaitForStatusAsync(id, OrderStatus.ReadyForPickup);

        Assert.Empty(hub.Channel.ReadyForPickup);
        Assert.Contains(ready.Timeline, e => e is { Step: "ReportReadyForPickup", Detail: "not reported: rakuten has no ready-for-pickup call" });
        Assert.Contains("not reported", ready.Summary.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LateAndNotCollected_Alert_ThenCancelReleasesTheReservation()
    {
        var settings = OrderHub.UniqueSettings();
        settings["Orders:PickupPreparationSla"] = "00:00:01";
        settings["Orders:CollectionDeadline"] = "00:00:01";
        await using var hub = await OrderHub.CreateAsync(settings);
        await Samples.SeedAsync(hub.Services);
        var id = OrderId.For("rakuten", "main", "R-3");

        Assert.True((await hub.PostGenericAsync("rakuten", Pickup("R-3", 2), "r-evt-3")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.PreparingPickup);
        await Alerts.WaitForAsync(hub, "pickupLate");
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(hub, id, "ready-for-pickup")).StatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.ReadyForPickup);
        await Alerts.WaitForAsync(hub, "notCollected");

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(hub, id, "cancel", new { reason = "not collected" })).StatusCode);
        var cancelled = await hub.WaitForStatusAsync(id, OrderStatus.Cancelled);

        Assert.Equal("not collected", cancelled.Summary.Detail);
        Assert.Equal((200, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Store));
        Assert.Equal([MovementKind.Reserve, MovementKind.Release], await Samples.MovementsAsync(hub.Services, Samples.Tee, id));
        Assert.Empty(hub.Channel.Reports);
    }

    private static string Pickup(string id, int quantity) =>
        Samples.Generic(id, new { kind = "pickup_in_store", location = Samples.Store }, "order.created", (Samples.Tee, quantity));

    private static Task<HttpResponseMessage> PostAsync(OrderHub hub, string id, string action, object? body = null) =>
        hub.Client.PostAsJsonAsync(new Uri($"api/orders/{id}/{action}", UriKind.Relative), body ?? new { });
}
