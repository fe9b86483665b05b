using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Events.Model;
using Omnichannel.Events.Outbox;
using Omnichannel.Events.Tests.Support;
using Omnichannel.Hosting.Signing;
using Omnichannel.Ledger.Changes;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Events.Tests.Dispatch;

public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task SweepAsync_HostStoppedBetweenLedgerCommitAndSend_NewHostSendsEachEventOnce()
    {
        var crashed = new ThrowingSignal();
        await using var first = await EventsHarness.CreateAsync(new Dictionary<string, string?> { ["Ledger:StockChangedWindow"] = "00:00:05" }, s => s.AddSingleton<IOutboxSignal>(crashed));
        await first.AddProductAsync("SKU-1", reorderPoint: 5);

        // The movement commits; the host dies before anything is sent.
        await Assert.ThrowsAsync<OperationCanceledException>(() => first.MoveAsync("SKU-1", MovementKind.Receipt, 3, "k-1"));
        Assert.Equal(1, crashed.Calls);
        Assert.Empty(await QueueEvents.ReadAllAsync(first.EventsQueue));
        Assert.Single(await OutboxRowsAsync(first, "SKU-1"));

        // A new host: its sweep delivers the row; a second sweep and the caller's retry of the movement send nothing more.
        await using var second = await first.SiblingAsync();
        Assert.Equal(1, await second.Sweeper.SweepAsync(default));
        Assert.Equal(0, await second.Sweeper.SweepAsync(default));
        var replay = await second.MoveAsync("SKU-1", MovementKind.Receipt, 3, "k-1");
        Assert.True(replay.Replayed);

        var events = await QueueEvents.ReadAllAsync(second.EventsQueue);
        var expectedChanged = HubEventId.For(EventTypes.StockChanged, "SKU-1", "1");
        var expectedLow = HubEventId.For(EventTypes.StockLow, "SKU-1", "1", string.Empty);
        Assert.Equal([(expectedChanged, EventTypes.StockChanged), (expectedLow, EventTypes.StockLow)], events.Select(e => (e.Id, e.Type)).ToList());
        Assert.All(events, e => Assert.Equal("SKU-1", e.Subject));
        Assert.Empty(await OutboxRowsAsync(second, "SKU-1"));

        // The internal consumers got their messages too: the sync's and the order flow's stock-changed queues, the alerts queue.
        var change = StockChanged.Read(Assert.Single((await second.Queue("Ledger:StockChangedQueue").ReceiveMessagesAsync(32)).Value).Body.ToString()).Change!;
        Assert.Equal(("SKU-1", 1L, false), (change.Sku, change.Sequence, change.Trailing));
        Assert.Single((await second.Queue("Ledger:StockChangedCopyQueue").ReceiveMessagesAsync(32)).Value);
        Assert.Single((await second.Queue("Ledger:AlertsQueue").ReceiveMessagesAsync(32)).Value);

        var history = await second.Journal.QueryAsync("SKU-1", null, EventsHarness.Start.AddHours(-1), second.Time.GetUtcNow(), default);
        Assert.Equal(new[] { expectedChanged, expectedLow }.Order(StringComparer.Ordinal), history.Select(x => x.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DispatchAsync_LoneChangeWithWindow_StockChangedAndEventOutBeforeRecordReturns()
    {
        await using var h = await EventsHarness.CreateAsync(new Dictionary<string, string?> { ["Ledger:StockChangedWindow"] = "00:01:00" });
        await h.AddProductAsync("SKU-2");

        var movement = (await h.MoveAsync("SKU-2", MovementKind.Receipt, 4, "k-2")).Movement!;

        // The clock does not move: both are there without waiting for the window or the sweep.
        var change = StockChanged.Read(Assert.Single((await h.Queue("Ledger:StockChangedQueue").ReceiveMessagesAsync(32)).Value).Body.ToString()).Change!;
        Assert.Equal((movement.Sequence, false), (change.Sequence, change.Trailing));
        var e = Assert.Single(await QueueEvents.ReadAllAsync(h.EventsQueue));
        Assert.Equal((EventTypes.StockChanged, "SKU-2", movement.At), (e.Type, e.Subject, e.Time));
        Assert.Equal(4, e.Data!.ToObjectFromJson<JsonElement>().GetProperty("balances")[0].GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task SweepAsync_WebhookAnswers500ThreeTimes_EventsOfOneOrderArriveInOrderOnce()
    {
        await using var subscriber = new WebhookSubscriber([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError]);
        await using var h = await EventsHarness.CreateAsync(Webhook(subscriber, "s3cret"));
        var order = "shopify:demo:1001";
        var types = new[] { EventTypes.OrderReceived, EventTypes.OrderReserved, EventTypes.OrderShipped };
        var ids = new List<string>();
        foreach (var type in types)
        {
            // Each is recorded by its activity a moment after the previous one, each with a prompt dispatch.
            var e = new HubEvent(HubEventId.For(type, order, "step"), type, order, h.Time.GetUtcNow(), EventJson.Data(new { orderId = order, step = "step" }));
            ids.Add(e.Id);
            await h.Outbox.RecordAsync(order, [e], default);
            h.Time.Advance(TimeSpan.FromMilliseconds(10));
        }

        // Backoff: 5 s, 10 s, 20 s. A sweep before the backoff ends sends nothing.
        Assert.Single(subscriber.Requests);
        Assert.Equal(0, await h.Sweeper.SweepAsync(default));
        Assert.Single(subscriber.Requests);
        for (var i = 0; i < 3; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(5 << i));
            await h.Sweeper.SweepAsync(default);
        }

        var requests = subscriber.Requests.ToList();
        var received = requests.Select(r => CloudEvent.Parse(BinaryData.FromString(r.Body))!.Id).ToList();
        Assert.Equal([ids[0], ids[0], ids[0], ids[0], ids[1], ids[2]], received);
        Assert.Equal(ids, requests.Where(r => r.Answered == HttpStatusCode.OK).Select(r => CloudEvent.Parse(BinaryData.FromString(r.Body))!.Id).ToList());
        Assert.All(requests, r =>
        {
            var timestamp = long.Parse(r.Headers[WebhookSignature.TimestampHeader], CultureInfo.InvariantCulture);
            Assert.True(WebhookSignature.Verify("s3cret", timestamp, r.Body, r.Headers[WebhookSignature.Header]));
            Assert.False(WebhookSignature.Verify("other", timestamp, r.Body, r.Headers[WebhookSignature.Header]));
            Assert.StartsWith("application/cloudevents+json", r.Headers["content-type"], StringComparison.Ordinal);
        });
        var state = (await h.States.ReadAllAsync(default))["webhook:erp"];
        Assert.Equal((0, false), (state.ConsecutiveFailures, state.Paused));
        Assert.Equal(0, await h.Sweeper.SweepAsync(default));
    }

    [Fact]
    public async Task SweepAsync_WebhookKeepsFailing_PausedShownAndSkippedNotRetriedForever()
    {
        await using var subscriber = new WebhookSubscriber([], HttpStatusCode.ServiceUnavailable);
        var settings = Webhook(subscriber, "s3cret");
        settings["Events:PauseAfterFailures"] = "3";
        await using var h = await EventsHarness.CreateAsync(settings);
        var e = new HubEvent(HubEventId.For(EventTypes.OrderCancelled, "o-1", "Cancel"), EventTypes.OrderCancelled, "o-1", h.Time.GetUtcNow(), EventJson.Data(new { orderId = "o-1" }));
        await h.Outbox.RecordAsync("o-1", [e], default);
        for (var i = 0; i < 5; i++)
        {
            h.Time.Advance(TimeSpan.FromMinutes(10));
            await h.Sweeper.SweepAsync(default);
        }

        // Three attempts, then paused: the event is archived as skipped for it, and the other destination had it at once.
        Assert.Equal(3, subscriber.Requests.Count);
        var state = (await h.States.ReadAllAsync(default))["webhook:erp"];
        Assert.True(state.Paused);
        Assert.Equal(3, state.ConsecutiveFailures);
        Assert.Contains("503", state.LastError, StringComparison.Ordinal);
        var sent = Assert.Single(await h.Journal.QueryAsync("o-1", null, EventsHarness.Start.AddHours(-1), h.Time.GetUtcNow(), default));
        Assert.Equal(["webhook:erp"], sent.Skipped);
        Assert.Equal([$"queue:{h.Settings["Events:Queue"]}"], sent.Destinations);
        Assert.Single(await QueueEvents.ReadAllAsync(h.EventsQueue));

        // Resumed by operations: the next event goes to it again.
        await h.States.ResumeAsync("webhook:erp", default);
        Assert.False((await h.States.ReadAllAsync(default))["webhook:erp"].Paused);
    }

    [Fact]
    public async Task DispatchAsync_TwoHostsDispatchOnePartitionAtOnce_EachEventOnceInOrder()
    {
        await using var a = await EventsHarness.CreateAsync();
        await using var b = await a.SiblingAsync();
        await a.AddProductAsync("SKU-3");

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => (i % 2 == 0 ? a : b).MoveAsync("SKU-3", MovementKind.Receipt, 1, $"k-{i}")));
        await a.Sweeper.SweepAsync(default);

        var sequences = (await QueueEvents.ReadAllAsync(a.EventsQueue))
            .Select(e => e.Data!.ToObjectFromJson<JsonElement>().GetProperty("sequence").GetInt64()).ToList();
        // Each movement's event once, in the SKU's order, though both hosts dispatched the partition at the same time.
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), sequences);
    }

    private static Dictionary<string, string?> Webhook(WebhookSubscriber subscriber, string secret) => new()
    {
        ["Events:Webhooks:erp:Url"] = subscriber.Url.ToString(),
        ["Events:Webhooks:erp:Secret"] = secret,
    };

    private static async Task<List<TableEntity>> OutboxRowsAsync(EventsHarness h, string sku)
    {
        var table = h.Get<LedgerStorage>().Stock;
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(OutboxStore.PartitionFilter(sku)))
        {
            rows.Add(e);
        }

        return rows;
    }
}
