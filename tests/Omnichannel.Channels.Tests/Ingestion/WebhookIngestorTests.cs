using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Channels.Adapters.Shopify;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Storage;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Ingestion;

public sealed class WebhookIngestorTests
{
    private static readonly byte[] Body = Payload.Bytes("Shopify", "orders-create.json");

    [Fact]
    public async Task IngestAsync_SameDeliveryConcurrently_OneOrderQueued()
    {
        var time = new FakeTimeProvider(Deliveries.Now);
        await using var services = await CreateServicesAsync(time);
        var sut = services.GetRequiredService<WebhookIngestor>();

        var acks = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => sut.IngestAsync(Delivery(), "test", CancellationToken.None)));

        Assert.Equal(1, acks.Count(a => a.Outcome == WebhookOutcome.Accepted));
        Assert.All(acks.Where(a => a.Outcome != WebhookOutcome.Accepted), a => Assert.Contains(a.Outcome, new[] { WebhookOutcome.Busy, WebhookOutcome.Duplicate }));
        Assert.Equal(1, await QueueLengthAsync(services));
    }

    [Fact]
    public async Task IngestAsync_CrashAfterRecordingBeforeQueueing_ChannelRetryForwardsIt()
    {
        var time = new FakeTimeProvider(Deliveries.Now);
        await using var services = await CreateServicesAsync(time);
        var order = ShopifyOrderMapper.Map(System.Text.Json.JsonDocument.Parse(Body).RootElement, TestAccounts.For("shopify"));
        // The state a crash leaves: delivery and order version claimed, nothing queued, nothing marked forwarded.
        await services.GetRequiredService<DedupeTable>().ClaimAsync("d|shopify|main", "e:evt-1", CancellationToken.None);
        await services.GetRequiredService<OrderVersionTable>().ClaimAsync(order, OrderIntake.Fingerprint(order), CancellationToken.None);
        var sut = services.GetRequiredService<WebhookIngestor>();

        var early = await sut.IngestAsync(Delivery(), "test", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(3));
        var later = await sut.IngestAsync(Delivery(), "test", CancellationToken.None);

        Assert.Equal(WebhookOutcome.Busy, early.Outcome);
        Assert.Equal(WebhookOutcome.Accepted, later.Outcome);
        var storage = services.GetRequiredService<ChannelStorage>();
        var message = System.Text.Json.JsonSerializer.Deserialize<ChannelOrderMessage>((await storage.Orders.ReceiveMessageAsync()).Value.Body.ToString())!;
        Assert.Equal(OrderEventKind.New, message.Kind);
        Assert.Equal(0, await QueueLengthAsync(services));
    }

    [Fact]
    public async Task IngestAsync_RefundTopic_ForwardsReference()
    {
        var time = new FakeTimeProvider(Deliveries.Now);
        await using var services = await CreateServicesAsync(time);
        var refund = "{\"id\":509562969,\"order_id\":450789469,\"created_at\":\"2026-11-25T08:00:00Z\"}"u8.ToArray();
        var delivery = Deliveries.Of("shopify", refund, (ShopifyWebhookAdapter.SignatureHeader, Deliveries.Base64Hmac(refund)), ("X-Shopify-Topic", "refunds/create"), ("X-Shopify-Event-Id", "evt-r"));

        var ack = await services.GetRequiredService<WebhookIngestor>().IngestAsync(delivery, "test", CancellationToken.None);

        Assert.Equal((WebhookOutcome.Accepted, 1), (ack.Outcome, ack.Forwarded));
        var storage = services.GetRequiredService<ChannelStorage>();
        var message = System.Text.Json.JsonSerializer.Deserialize<ChannelOrderMessage>((await storage.Orders.ReceiveMessageAsync()).Value.Body.ToString())!;
        Assert.Equal((OrderEventKind.Reference, "450789469"), (message.Kind, message.ChannelOrderId));
    }

    private static WebhookDelivery Delivery() =>
        Deliveries.Of("shopify", Body, (ShopifyWebhookAdapter.SignatureHeader, Deliveries.Base64Hmac(Body)), ("X-Shopify-Topic", "orders/create"), ("X-Shopify-Event-Id", "evt-1"));

    private static Task<Microsoft.Extensions.DependencyInjection.ServiceProvider> CreateServicesAsync(TimeProvider time) =>
        ChannelServices.CreateAsync(time, new() { ["Channels:shopify:main:Secret"] = TestAccounts.Secret });

    private static async Task<int> QueueLengthAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredService<ChannelStorage>();
        return (await storage.Orders.PeekMessagesAsync(32)).Value.Length;
    }
}
