using System.Net;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Ledger.Stock;
using Omnichannel.LocalHost.Durable;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;

namespace Omnichannel.Orders.Tests.Flow;

public sealed class OrderExceptionTests
{
    [Fact]
    public async Task UnmatchedLine_NeedsAttentionWithReminder_MapSkuSavesListingAndCompletes()
    {
        var settings = OrderHub.UniqueSettings();
        settings["Orders:SkuMappingReminder"] = "00:00:01";
        await using var hub = await OrderHub.CreateAsync(settings);
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 2001;
        var id = Samples.ShopifyOrderId(shopifyId);

        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(shopifyId, ("RED-TEE-VENDOR-CODE", 1)), "evt-2001")).IsSuccessStatusCode);
        var attention = await hub.WaitForStatusAsync(id, OrderStatus.NeedsAttention);
        Assert.Contains("20010", attention.Summary.Detail, StringComparison.Ordinal);
        await Alerts.WaitForAsync(hub, "needsAttention");

        var mapped = await hub.Client.PostAsJsonAsync(new Uri($"api/orders/{id}/map-sku", UriKind.Relative), new { lineId = "20010", sku = Samples.Tee });
        Assert.Equal(HttpStatusCode.Accepted, mapped.StatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Equal(HttpStatusCode.Accepted, (await hub.ConfirmShipmentAsync(id, "TRACK-2001")).StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await hub.WaitForEndAsync(id)).RuntimeStatus);

        // The mapping is saved for the next order with the same item: no attention needed.
        const long nextId = 2002;
        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(nextId, ("RED-TEE-VENDOR-CODE", 1)), "evt-2002")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(Samples.ShopifyOrderId(nextId), OrderStatus.AwaitingShipment);
    }

    [Fact]
    public async Task ChannelDownWhileReporting_FailsAfterRetries_ReplayAfterRecoveryCompletesWithOneFulfilment()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 3001;
        var id = Samples.ShopifyOrderId(shopifyId);
        hub.Channel.Down = true;

        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(shopifyId, (Samples.Tee, 1)), "evt-3001")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Equal(HttpStatusCode.Accepted, (await hub.ConfirmShipmentAsync(id, "TRACK-3001")).StatusCode);
        var failed = await hub.WaitForEndAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Equal(3, hub.Channel.FailedReports);
        var detail = await hub.GetOrderAsync(id);
        Assert.Equal(OrderStatus.Failed, detail.Summary.Status);
        Assert.Contains("service unavailable", detail.Summary.Failure, StringComparison.Ordinal);
        Assert.Equal(3, detail.Timeline.Count(e => e is { What: "failed", Step: "ReportTracking" }));
        Assert.Equal(3, detail.Timeline.Where(e => e is { What: "failed", Step: "ReportTracking" }).Max(e => e.Attempt));

        hub.Channel.Down = false;
        Assert.Equal(HttpStatusCode.Accepted, (await hub.Client.PostAsync(new Uri($"api/orders/{id}/replay", UriKind.Relative), null)).StatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.Completed);

        Assert.Single(hub.Channel.Reports);
        Assert.Equal([MovementKind.Reserve, MovementKind.Ship], await Samples.MovementsAsync(hub.Services, Samples.Tee, id));
    }

    [Fact]
    public async Task ChannelDownWhileReporting_NoRewindNorHistory_ReplayRestartsFromInputAndCompletesWithOneFulfilment()
    {
        NoRewindClient? client = null;
        await using var hub = await OrderHub.CreateAsync(services: s => s.AddSingleton<DurableTaskClient>(sp => client ??= new NoRewindClient(sp.GetRequiredService<LocalDurableTaskClient>())));
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 3101;
        var id = Samples.ShopifyOrderId(shopifyId);
        hub.Channel.Down = true;

        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(shopifyId, (Samples.Tee, 1)), "evt-3101")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Equal(HttpStatusCode.Accepted, (await hub.ConfirmShipmentAsync(id, "TRACK-3101")).StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await hub.WaitForEndAsync(id)).RuntimeStatus);

        // Replay without rewind or history (the worst case on Azure): the flow starts again from its input, every
        // step done before (reserve, fulfilment) is found by its key instead of made twice, and it waits for the
        // shipment again, which operations confirm again: shipped and reported once.
        hub.Channel.Down = false;
        Assert.Equal(HttpStatusCode.Accepted, (await hub.Client.PostAsync(new Uri($"api/orders/{id}/replay", UriKind.Relative), null)).StatusCode);
        var waiting = await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Contains(waiting.Timeline, e => e is { What: "completed", Step: "RequestFulfilment" });
        Assert.Equal(HttpStatusCode.Accepted, (await hub.ConfirmShipmentAsync(id, "TRACK-3101")).StatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.Completed);

        Assert.Equal(1, client!.RewindsRefused);
        Assert.Equal("TRACK-3101", Assert.Single(hub.Channel.Reports).Report.TrackingNumber);
        Assert.Equal([MovementKind.Reserve, MovementKind.Ship], await Samples.MovementsAsync(hub.Services, Samples.Tee, id));
        Assert.Equal((299, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));
    }

    [Fact]
    public async Task ChannelCancelsBeforeShipping_ReleasesReservationAndAcknowledges()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 4001;
        var id = Samples.ShopifyOrderId(shopifyId);
        var body = Samples.Shopify(shopifyId, (Samples.Tee, 5));

        Assert.True((await hub.PostShopifyAsync(body, "evt-4001")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Equal((300, 5), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));

        var cancelled = body.Replace("\"cancelled_at\":null", "\"cancelled_at\":\"2026-11-25T09:30:00Z\"", StringComparison.Ordinal)
            .Replace("2026-11-25T09:00:01Z", "2026-11-25T09:30:00Z", StringComparison.Ordinal);
        Assert.True((await hub.PostShopifyAsync(cancelled, "evt-4002", "orders/cancelled")).IsSuccessStatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await hub.WaitForEndAsync(id)).RuntimeStatus);

        var detail = await hub.GetOrderAsync(id);
        Assert.Equal(OrderStatus.Cancelled, detail.Summary.Status);
        Assert.Equal(2, detail.Versions);
        Assert.Equal((300, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));
        Assert.Equal([MovementKind.Reserve, MovementKind.Release], await Samples.MovementsAsync(hub.Services, Samples.Tee, id));
        Assert.Equal(("main", "4001"), Assert.Single(hub.Channel.Cancellations));
        Assert.Empty(hub.Channel.Reports);
    }

    [Fact]
    public async Task OperationsCancel_WhileBackordered_EndsCancelledWithoutAcknowledgingChannel()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 4101;
        var id = Samples.ShopifyOrderId(shopifyId);

        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(shopifyId, (Samples.Mug, 50)), "evt-4101")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.Backordered);
        var cancel = await hub.Client.PostAsJsonAsync(new Uri($"api/orders/{id}/cancel", UriKind.Relative), new { reason = "buyer called" });
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        var detail = await hub.WaitForStatusAsync(id, OrderStatus.Cancelled);
        Assert.Equal("buyer called", detail.Summary.Detail);
        Assert.Empty(hub.Channel.Cancellations);
        Assert.Empty(await Samples.MovementsAsync(hub.Services, Samples.Mug, id));
    }
}
