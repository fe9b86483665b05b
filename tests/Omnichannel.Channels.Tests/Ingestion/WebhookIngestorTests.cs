using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Channels.Adapters.Shopify;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Storage;
using Omnichannel.Channels.Tests.Support;
using Omnichannel.Hosting.Diagnostics;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Tests.Ingestion;

public sealed class WebhookIngestorTests
{
    private static readonly byte[] Body = Payload.Bytes("Shopify", "orders-create.json");

    [Fact]
    public async Task IngestAsync_NewDelivery_ThreeStorageRequestsAndNothingForwardedBeforeTheAnswer()
    {
        await using var services = await CreateServicesAsync(new FakeTimeProvider(Deliveries.Now));
        await services.GetRequiredService<ChannelStorage>().EnsureCreatedAsync(CancellationToken.None);
        var requests = services.GetRequiredService<StorageAccount>().Requests;
        var before = requests.Snapshot();

        var ack = await services.GetRequiredService<WebhookIngestor>().IngestAsync(Delivery(), "test", CancellationToken.None);

        var used = requests.Snapshot() - before;
        Assert.Equal(WebhookOutcome.Accepted, ack.Outcome);
        Assert.Equal((1L, 1L, 1L), (used.Blobs, used.Tables, used.Queues));
        var handed = Assert.Single(await Forwarding.HandedOnAsync(services));
        Assert.Equal(("shopify", "main", "e:evt-1", "e:evt-1"), (handed.Channel, handed.Store, handed.ClaimKey, handed.DeliveryId));
        Assert.Empty(await Forwarding.QueuedOrdersAsync(services));
    }

    [Fact]
    public async Task IngestAsync_SameDeliveryConcurrently_OneOrderQueued()
    {
        var time = new FakeTimeProvider(Deliveries.Now);
        await using var services = await CreateServicesAsync(time);
        var sut = services.GetRequiredService<WebhookIngestor>();

        var acks = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => sut.IngestAsync(Delivery(), "test", CancellationToken.None)));
        await Forwarding.ForwardAllAsync(services);

        Assert.All(acks, a => Assert.Equal(WebhookOutcome.Accepted, a.Outcome));
        Assert.Single(await Forwarding.QueuedOrdersAsync(services));
        Assert.Equal(WebhookOutcome.Duplicate, (await sut.IngestAsync(Delivery(), "test", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task IngestAsync_HandOverFailsAfterClaim_ChannelRetryGetsThroughAtOnceAndOneOrderQueued()
    {
        var time = new FakeTimeProvider(Deliveries.Now);
        await using var services = await CreateServicesAsync(time);
        var storage = services.GetRequiredService<ChannelStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var sut = services.GetRequiredService<WebhookIngestor>();

        // The work fails midway: archived and claimed, then the hand-over to the delivery queue fails (no answer).
        await storage.Deliveries.DeleteAsync();
        var failed = await Assert.ThrowsAsync<StorageException>(() => sut.IngestAsync(Delivery(), "test", CancellationToken.None));
        await storage.Deliveries.CreateAsync();
        var retry = await sut.IngestAsync(Delivery(), "test", CancellationToken.None);
        await Forwarding.ForwardAllAsync(services);
        var later = await sut.IngestAsync(Delivery(), "test", CancellationToken.None);

        Assert.Equal(404, failed.Status);
        Assert.Equal(WebhookOutcome.Accepted, retry.Outcome);
        var order = Assert.Single(await Forwarding.QueuedOrdersAsync(services));
        Assert.Equal((OrderEventKind.New, "820982911946154508"), (order.Kind, order.ChannelOrderId));
        Assert.Equal(WebhookOutcome.Duplicate, later.Outcome);
    }

    [Fact]
    public async Task IngestAsync_DeliveryIdReusedForAnotherOrder_BothForwardedAndReuseLogged()
    {
        var logs = new FakeLogCollector();
        await using var services = await CreateServicesAsync(new FakeTimeProvider(Deliveries.Now), s =>
        {
            s.RemoveAll<ILoggerFactory>();
            s.RemoveAll(typeof(ILogger<>));
            s.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)));
        });
        var sut = services.GetRequiredService<WebhookIngestor>();
        var other = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("820982911946154508", "820982911946154999", StringComparison.Ordinal));

        var first = await sut.IngestAsync(Delivery(), "test", CancellationToken.None);
        await Forwarding.ForwardAllAsync(services);
        var reused = await sut.IngestAsync(Delivery(other), "test", CancellationToken.None);
        await Forwarding.ForwardAllAsync(services);
        var reusedAgain = await sut.IngestAsync(Delivery(other), "test", CancellationToken.None);

        Assert.Equal((WebhookOutcome.Accepted, WebhookOutcome.Accepted, WebhookOutcome.Duplicate), (first.Outcome, reused.Outcome, reusedAgain.Outcome));
        Assert.Equal(["820982911946154508", "820982911946154999"], (await Forwarding.QueuedOrdersAsync(services)).Select(m => m.ChannelOrderId));
        Assert.Equal(2, logs.GetSnapshot().Count(r => r.Id.Id == 4002 && r.Message.Contains("e:evt-1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task IngestAsync_DeliveryIdOfSixHundredCharacters_ClaimedUnderBoundedKeyAndDeduplicated()
    {
        await using var services = await CreateServicesAsync(new FakeTimeProvider(Deliveries.Now));
        var sut = services.GetRequiredService<WebhookIngestor>();
        var longId = new string('x', 600);

        var first = await sut.IngestAsync(Delivery(eventId: longId), "test", CancellationToken.None);
        var handed = Assert.Single(await Forwarding.HandedOnAsync(services));
        await Forwarding.ForwardAllAsync(services);
        var again = await sut.IngestAsync(Delivery(eventId: longId), "test", CancellationToken.None);

        Assert.Equal((WebhookOutcome.Accepted, WebhookOutcome.Duplicate), (first.Outcome, again.Outcome));
        Assert.True(handed.ClaimKey.Length <= TableKeys.MaxPlainLength, handed.ClaimKey);
        Assert.Single(await Forwarding.QueuedOrdersAsync(services));
    }

    [Fact]
    public async Task IngestAsync_RequestTrace_ForwardRunsInAConsumerSpanOfItAndTheOrderCarriesIt()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is HubTracing.SourceName or "test",
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("test");
        await using var services = await CreateServicesAsync(new FakeTimeProvider(Deliveries.Now));
        var storage = services.GetRequiredService<ChannelStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);

        string requestTrace;
        ActivityTraceId traceId;
        using (var request = source.StartActivity("POST webhooks", ActivityKind.Server)!)
        {
            (requestTrace, traceId) = (request.Id!, request.TraceId);
            await services.GetRequiredService<WebhookIngestor>().IngestAsync(Delivery(), "test", CancellationToken.None);
        }

        var message = (await storage.Deliveries.ReceiveMessageAsync()).Value;
        await new DeliveryFunctions(services.GetRequiredService<DeliveryForwarder>()).ForwardAsync(message, CancellationToken.None);

        Activity forward;
        lock (spans)
        {
            forward = Assert.Single(spans, s => s.OperationName == DeliveryFunctions.ForwardName && s.TraceId == traceId);
        }

        Assert.Equal((ActivityKind.Consumer, requestTrace), (forward.Kind, forward.ParentId));
        var order = Assert.Single(await Forwarding.QueuedOrdersAsync(services));
        Assert.Equal(forward.Id, order.TraceParent);
    }

    [Fact]
    public async Task IngestAsync_RefundTopic_ForwardsReference()
    {
        var time = new FakeTimeProvider(Deliveries.Now);
        await using var services = await CreateServicesAsync(time);
        var refund = "{\"id\":509562969,\"order_id\":450789469,\"created_at\":\"2026-11-25T08:00:00Z\"}"u8.ToArray();
        var delivery = Deliveries.Of("shopify", refund, (ShopifyWebhookAdapter.SignatureHeader, Deliveries.Base64Hmac(refund)), ("X-Shopify-Topic", "refunds/create"), ("X-Shopify-Event-Id", "evt-r"));

        var ack = await services.GetRequiredService<WebhookIngestor>().IngestAsync(delivery, "test", CancellationToken.None);
        var forwarded = Assert.Single(await Forwarding.ForwardAllAsync(services));

        Assert.Equal((WebhookOutcome.Accepted, 1), (ack.Outcome, ack.Forwarded));
        Assert.Equal((WebhookOutcome.Accepted, 1), (forwarded.Outcome, forwarded.Forwarded));
        var message = Assert.Single(await Forwarding.QueuedOrdersAsync(services));
        Assert.Equal((OrderEventKind.Reference, "450789469"), (message.Kind, message.ChannelOrderId));
    }

    private static WebhookDelivery Delivery(byte[]? body = null, string eventId = "evt-1")
    {
        body ??= Body;
        return Deliveries.Of("shopify", body, (ShopifyWebhookAdapter.SignatureHeader, Deliveries.Base64Hmac(body)), ("X-Shopify-Topic", "orders/create"), ("X-Shopify-Event-Id", eventId));
    }

    private static Task<ServiceProvider> CreateServicesAsync(TimeProvider time, Action<IServiceCollection>? configure = null) =>
        ChannelServices.CreateAsync(time, new() { ["Channels:shopify:main:Secret"] = TestAccounts.Secret }, configure);
}
