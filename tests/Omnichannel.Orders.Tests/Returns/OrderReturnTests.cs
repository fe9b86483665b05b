using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Returns;
using Omnichannel.Orders.Tests.Support;
using Omnichannel.Testing;

namespace Omnichannel.Orders.Tests.Returns;

public sealed class OrderReturnTests
{
    [Fact]
    public async Task SellableReturnInStore_RaisesAvailableThere_SameReturnTwiceRestocksAndReportsOnce()
    {
        await using var hub = await OrderHub.CreateAsync();
        var id = await ShippedOrderAsync(hub, 11001, 3);
        var body = new { returnId = "RET-1", location = Samples.Store, reason = "too small", lines = new[] { new { lineId = "110010", quantity = 2, condition = "sellable" } } };

        Assert.Equal(HttpStatusCode.Accepted, (await PostReturnAsync(hub, id, body)).StatusCode);
        var done = await WaitForReturnAsync(hub, id, "RET-1", "done");
        Assert.Equal(HttpStatusCode.Accepted, (await PostReturnAsync(hub, id, body)).StatusCode);
        var different = await PostReturnAsync(hub, id, body with { location = Samples.Warehouse });

        Assert.Equal(HttpStatusCode.Conflict, different.StatusCode);
        Assert.Equal("application/problem+json", different.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1 line(s) restocked at store-1; reported to shopify (return ret-1)", done.Detail);
        var (channel, report, key) = Assert.Single(hub.Channel.Returns);
        Assert.Equal(("shopify", "RET-1", Samples.Store, $"{id}:return:RET-1"), (channel, report.ReturnId, report.Location, key));
        Assert.Equal(("110010", Samples.Tee, 2, "sellable"), (report.Lines[0].ChannelLineId, report.Lines[0].ChannelSku, report.Lines[0].Quantity, report.Lines[0].Condition));
        Assert.Equal((202, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Store));
        Assert.Equal(202, await AvailableAsync(hub, Samples.Store));
        Assert.Equal([MovementKind.Reserve, MovementKind.Ship, MovementKind.Return], await Samples.MovementsAsync(hub.Services, Samples.Tee, id));
        var detail = await hub.GetOrderAsync(id);
        Assert.Equal(OrderStatus.Completed, detail.Summary.Status);
        Assert.Contains(Assert.Single(detail.Returns).Timeline, e => e is { What: "completed", Step: "ReportReturn" });
    }

    [Fact]
    public async Task DamagedReturn_DoesNotRaiseAvailable_AndAChannelWithoutReturnsIsNotTold()
    {
        var channel = new RecordingChannel();
        channel.WithoutOptionalCalls.Add("shopify");
        await using var hub = await OrderHub.CreateAsync(channel: channel);
        var id = await ShippedOrderAsync(hub, 11101, 2);

        var body = new { returnId = "RET-D", location = Samples.Warehouse, lines = new[] { new { sku = Samples.Tee, quantity = 1, condition = "damaged" } } };
        Assert.Equal(HttpStatusCode.Accepted, (await PostReturnAsync(hub, id, body)).StatusCode);
        var done = await WaitForReturnAsync(hub, id, "RET-D", "done");

        Assert.Equal("1 line(s) restocked at wh-1; not reported: shopify has no return call", done.Detail);
        Assert.Equal(298, await AvailableAsync(hub, Samples.Warehouse));
        var balance = (await hub.Services.GetRequiredService<StockReader>().GetAsync(Samples.Tee, default))!.Locations.Single(b => b.Location == Samples.Warehouse);
        Assert.Equal((298, 1), (balance.OnHand, balance.Unsellable));
        Assert.Empty(hub.Channel.Returns);
    }

    [Fact]
    public async Task OverReturnAndBadInput_Refused_NamingTheField()
    {
        await using var hub = await OrderHub.CreateAsync();
        var id = await ShippedOrderAsync(hub, 11201, 2);
        static object Line(string? lineId, int quantity, string? condition = "sellable") => new { lineId, quantity, condition };

        await AssertFieldAsync(await PostReturnAsync(hub, id, new { returnId = "R1", location = Samples.Store, lines = new[] { Line("112010", 3) } }), "lines[0].quantity");
        Assert.Equal(HttpStatusCode.Accepted, (await PostReturnAsync(hub, id, new { returnId = "R1", location = Samples.Store, lines = new[] { Line("112010", 1) } })).StatusCode);
        await AssertFieldAsync(await PostReturnAsync(hub, id, new { returnId = "R2", location = Samples.Store, lines = new[] { Line("112010", 1), Line("112010", 1) } }), "lines[1].quantity");
        await AssertFieldAsync(await PostReturnAsync(hub, id, new { returnId = "R3", location = "nowhere", lines = new[] { Line("112010", 1) } }), "location");
        await AssertFieldAsync(await PostReturnAsync(hub, id, new { returnId = "R3", location = Samples.Store, lines = new[] { Line("nope", 1) } }), "lines[0]");
        await AssertFieldAsync(await PostReturnAsync(hub, id, new { returnId = "R3", location = Samples.Store, lines = new[] { Line("112010", 1, "broken") } }), "lines[0].condition");
        await AssertFieldAsync(await PostReturnAsync(hub, id, new { returnId = "R 3", location = Samples.Store, lines = new[] { Line("112010", 1) } }), "returnId");
        await AssertFieldAsync(await PostReturnAsync(hub, id, new { returnId = "R3", location = Samples.Store, lines = Array.Empty<object>() }), "lines");
        Assert.Equal(HttpStatusCode.NotFound, (await PostReturnAsync(hub, "shopify_main_nope", new { returnId = "R3", location = Samples.Store, lines = new[] { Line("1", 1) } })).StatusCode);

        const long waitingId = 11202;
        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(waitingId, (Samples.Tee, 1)), "evt-11202")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(Samples.ShopifyOrderId(waitingId), OrderStatus.AwaitingShipment);
        Assert.Equal(HttpStatusCode.Conflict, (await PostReturnAsync(hub, Samples.ShopifyOrderId(waitingId), new { returnId = "R4", location = Samples.Store, lines = new[] { Line("1122020", 1) } })).StatusCode);

        await WaitForReturnAsync(hub, id, "R1", "done");
        Assert.Equal((201, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Store));
    }

    [Fact]
    public async Task ChannelDownWhileReporting_ReturnFails_ReplayAfterRecoveryReportsOnceAndRestocksOnce_BothInTheTimelineWithWho()
    {
        await using var hub = await OrderHub.CreateAsync();
        var id = await ShippedOrderAsync(hub, 11301, 1);
        hub.Channel.Down = true;

        var body = new { returnId = "RET-X", location = Samples.Store, lines = new[] { new { lineId = "113010", quantity = 1, condition = "sellable" } } };
        using (var create = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/orders/{id}/returns", UriKind.Relative)) { Content = JsonContent.Create(body) })
        {
            create.Headers.Add("X-Hub-Operator", "Ops Dana");
            Assert.Equal(HttpStatusCode.Accepted, (await hub.Client.SendAsync(create)).StatusCode);
        }

        var failed = await WaitForReturnAsync(hub, id, "RET-X", "failed");

        Assert.Contains("service unavailable", failed.Detail, StringComparison.Ordinal);
        Assert.Equal(3, hub.Channel.FailedReturns);
        Assert.Equal(3, failed.Timeline.Count(e => e is { What: "failed", Step: "ReportReturn" }));
        Assert.Equal((201, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Store));

        hub.Channel.Down = false;
        using (var replay = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/orders/{id}/returns/RET-X/replay", UriKind.Relative)))
        {
            replay.Headers.Add("X-Hub-Operator", "Ops Emil");
            Assert.Equal(HttpStatusCode.Accepted, (await hub.Client.SendAsync(replay)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await hub.Client.PostAsync(new Uri($"api/orders/{id}/returns/RET-NONE/replay", UriKind.Relative), null)).StatusCode);
        await WaitForReturnAsync(hub, id, "RET-X", "done");
        var timeline = (await hub.GetOrderAsync(id)).Timeline.Where(t => t.What == "action").ToList();
        Assert.Contains(timeline, t => t is { Step: "return", By: "Ops Dana (key)", Detail: "RET-X at store-1" });
        var replayed = Assert.Single(timeline, t => t.Step == "return-replay");
        Assert.Equal(("Ops Emil (key)", "RET-X"), (replayed.By, replayed.Detail));

        Assert.Single(hub.Channel.Returns);
        Assert.Equal((201, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Store));
        Assert.Equal([MovementKind.Reserve, MovementKind.Ship, MovementKind.Return], await Samples.MovementsAsync(hub.Services, Samples.Tee, id));
    }

    /// <summary>A Shopify order of the tee, shipped from the warehouse and reported: completed.</summary>
    private static async Task<string> ShippedOrderAsync(OrderHub hub, long shopifyId, int quantity)
    {
        await Samples.SeedAsync(hub.Services);
        var id = Samples.ShopifyOrderId(shopifyId);
        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(shopifyId, (Samples.Tee, quantity)), $"evt-{shopifyId}")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Equal(HttpStatusCode.Accepted, (await hub.ConfirmShipmentAsync(id, $"TRACK-{shopifyId}")).StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await hub.WaitForEndAsync(id)).RuntimeStatus);
        return id;
    }

    private static Task<HttpResponseMessage> PostReturnAsync(OrderHub hub, string id, object body) =>
        hub.Client.PostAsJsonAsync(new Uri($"api/orders/{id}/returns", UriKind.Relative), body);

    private static async Task<int> AvailableAsync(OrderHub hub, string location) =>
        (await hub.Services.GetRequiredService<StockReader>().GetAsync(Samples.Tee, default))!.Locations.Single(b => b.Location == location).Available;

    private static async Task<OrderReturnView> WaitForReturnAsync(OrderHub hub, string id, string returnId, string status) =>
        (await Eventually.ValueAsync(
            async () => (await hub.GetOrderAsync(id)).Returns.SingleOrDefault(r => r.Return.ReturnId == returnId),
            r => r?.Status == status,
            $"return {returnId} of {id} {status}"))!;

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.GetRawText());
    }
}
