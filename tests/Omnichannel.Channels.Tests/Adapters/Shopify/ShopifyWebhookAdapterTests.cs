using Omnichannel.Channels.Adapters.Shopify;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Adapters.Shopify;

public sealed class ShopifyWebhookAdapterTests
{
    private static readonly byte[] Body = Payload.Bytes("Shopify", "orders-create.json");

    [Fact]
    public void Verify_TriggeredBeyondMaxAge_IsStale()
    {
        var delivery = Signed(Body, triggeredAt: Deliveries.Now.AddHours(-49));

        Assert.Equal(SignatureOutcome.Stale, CreateSut().Verify(delivery, TestAccounts.For("shopify"), Deliveries.Now).Outcome);
    }

    [Fact]
    public void Verify_RetriedWithinMaxAge_IsValid()
    {
        var delivery = Signed(Body, triggeredAt: Deliveries.Now.AddHours(-4));

        Assert.True(CreateSut().Verify(delivery, TestAccounts.For("shopify"), Deliveries.Now).IsValid);
    }

    [Fact]
    public void Read_OrdersCreate_MapsCanonicalOrder()
    {
        var order = Assert.Single(CreateSut().Read(Signed(Body), TestAccounts.For("shopify")).Orders);

        Assert.Equal(("shopify", "main", "820982911946154508", "#9999"), (order.Channel, order.Store, order.ChannelOrderId, order.ChannelOrderNumber));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 13, 55, 0, TimeSpan.Zero), order.PlacedAt);
        Assert.Equal("USD", order.Currency);
        Assert.Equal(ChannelOrderStatus.Open, order.Status);
        Assert.Equal(FulfilmentKind.Ship, order.Fulfilment.Kind);
        Assert.Equal(new Party("John Smith", "jon@example.com", null), order.Buyer);
        Assert.Equal(new Address("Steve Shipper", "123 Shipping Street", null, "Shippington", "KY", "40003", "US", "555-555-SHIP"), order.ShippingAddress);
        Assert.Equal(
            new OrderLine("866550311766439020", "IPOD2008PINK", "632910392", "808950810", null, null, "IPod Nano - 8GB & case", 1, 199.00m),
            order.Lines[0]);
        Assert.Equal(2, order.Lines[1].Quantity);
    }

    [Fact]
    public void Read_OrdersCancelled_StatusCancelled()
    {
        var body = Payload.Bytes("Shopify", "orders-cancelled.json");

        var order = Assert.Single(CreateSut().Read(Signed(body, topic: "orders/cancelled"), TestAccounts.For("shopify")).Orders);

        Assert.Equal(ChannelOrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void Read_InventoryTopic_Ignored()
    {
        var content = CreateSut().Read(Signed("{\"inventory_item_id\":1,\"location_id\":2,\"available\":3}"u8.ToArray(), topic: "inventory_levels/update"), TestAccounts.For("shopify"));

        Assert.NotNull(content.IgnoredBecause);
        Assert.Empty(content.Orders);
    }

    [Fact]
    public void Read_MalformedJson_Throws()
    {
        var body = Payload.Bytes("Shopify", "malformed.json");

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => CreateSut().Read(Signed(body), TestAccounts.For("shopify")));
    }

    [Fact]
    public void DeliveryId_BothIds_PrefersEventId()
    {
        var delivery = Signed(Body);

        Assert.Equal("e:evt-1", CreateSut().DeliveryId(delivery));
    }

    internal static Channels.Ingestion.WebhookDelivery Signed(byte[] body, string topic = "orders/create", DateTimeOffset? triggeredAt = null) =>
        Deliveries.Of(
            "shopify",
            body,
            (ShopifyWebhookAdapter.SignatureHeader, Deliveries.Base64Hmac(body)),
            ("X-Shopify-Topic", topic),
            ("X-Shopify-Event-Id", "evt-1"),
            ("X-Shopify-Webhook-Id", "wh-1"),
            ("X-Shopify-Triggered-At", (triggeredAt ?? Deliveries.Now).ToString("o")));

    private static ShopifyWebhookAdapter CreateSut() => new();
}
