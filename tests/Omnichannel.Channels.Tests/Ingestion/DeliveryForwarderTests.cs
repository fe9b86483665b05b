using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Channels.Adapters.Shopify;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Storage;
using Omnichannel.Channels.Tests.Support;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Tests.Ingestion;

public sealed class DeliveryForwarderTests
{
    private static readonly byte[] Body = Payload.Bytes("Shopify", "orders-create.json");

    [Fact]
    public async Task ForwardAsync_OrderQueueFailsAfterOrderClaim_QueueRetryAfterGraceForwardsOnce()
    {
        var time = new FakeTimeProvider(Deliveries.Now);
        await using var services = await CreateServicesAsync(time);
        var storage = services.GetRequiredService<ChannelStorage>();
        await services.GetRequiredService<WebhookIngestor>().IngestAsync(Delivery(Body, "evt-1"), "test", CancellationToken.None);
        var message = Assert.Single(await Forwarding.HandedOnAsync(services));
        var sut = services.GetRequiredService<DeliveryForwarder>();

        // The forward dies midway: the order version is claimed, then queueing the order fails.
        await storage.Orders.DeleteAsync();
        await Assert.ThrowsAsync<StorageException>(() => sut.ForwardAsync(message, CancellationToken.None));
        await storage.Orders.CreateAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        var early = await Record.ExceptionAsync(() => sut.ForwardAsync(message, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(6));
        var retried = await sut.ForwardAsync(message, CancellationToken.None);
        var again = await sut.ForwardAsync(message, CancellationToken.None);

        // Held for the grace (10 s by default, was 2 min), then taken over: forwarded once, the repeat is a duplicate.
        Assert.IsType<DeliveryBusyException>(early);
        Assert.Equal((WebhookOutcome.Accepted, WebhookOutcome.Duplicate), (retried.Outcome, again.Outcome));
        Assert.Single(await Forwarding.QueuedOrdersAsync(services));
    }

    [Fact]
    public async Task ForwardAsync_OrderIdOfThreeThousandCharacters_QuarantinedAndClaimMarked()
    {
        await using var services = await CreateServicesAsync(new FakeTimeProvider(Deliveries.Now));
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("\"id\":820982911946154508", $"\"id\":\"{new string('9', 3000)}\"", StringComparison.Ordinal));
        var ingestor = services.GetRequiredService<WebhookIngestor>();

        var ack = await ingestor.IngestAsync(Delivery(body, "evt-long"), "test", CancellationToken.None);
        var forwarded = Assert.Single(await Forwarding.ForwardAllAsync(services));
        var again = await ingestor.IngestAsync(Delivery(body, "evt-long"), "test", CancellationToken.None);

        Assert.Equal((WebhookOutcome.Accepted, WebhookOutcome.Quarantined, WebhookOutcome.Duplicate), (ack.Outcome, forwarded.Outcome, again.Outcome));
        Assert.Empty(await Forwarding.QueuedOrdersAsync(services));
        var row = Assert.Single(await services.GetRequiredService<QuarantineStore>().ListAsync("shopify", 10, CancellationToken.None));
        Assert.Contains("3000 characters", row.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardAsync_UnreadablePayloadHandedOnTwice_QuarantinedOnce()
    {
        await using var services = await CreateServicesAsync(new FakeTimeProvider(Deliveries.Now));
        var body = Payload.Bytes("Shopify", "malformed.json");
        var ingestor = services.GetRequiredService<WebhookIngestor>();

        // A channel retry before the first hand-over was forwarded: handed on twice.
        await ingestor.IngestAsync(Delivery(body, "evt-bad"), "test", CancellationToken.None);
        await ingestor.IngestAsync(Delivery(body, "evt-bad"), "test", CancellationToken.None);
        var acks = await Forwarding.ForwardAllAsync(services);

        Assert.Equal(2, acks.Count);
        Assert.All(acks, a => Assert.Equal(WebhookOutcome.Quarantined, a.Outcome));
        Assert.Single(await services.GetRequiredService<QuarantineStore>().ListAsync("shopify", 10, CancellationToken.None));
    }

    private static WebhookDelivery Delivery(byte[] body, string eventId) =>
        Deliveries.Of("shopify", body, (ShopifyWebhookAdapter.SignatureHeader, Deliveries.Base64Hmac(body)), ("X-Shopify-Topic", "orders/create"), ("X-Shopify-Event-Id", eventId));

    private static Task<ServiceProvider> CreateServicesAsync(TimeProvider time) =>
        ChannelServices.CreateAsync(time, new() { ["Channels:shopify:main:Secret"] = TestAccounts.Secret });
}
