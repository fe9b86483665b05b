using System.Text;
using Omnichannel.Channels.Adapters.WooCommerce;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Adapters.WooCommerce;

public sealed class WooCommerceWebhookAdapterTests
{
    private static readonly byte[] Body = Payload.Bytes("WooCommerce", "order-created.json");

    [Fact]
    public void Verify_SignatureNotBase64_IsInvalid()
    {
        var delivery = Deliveries.Of("woocommerce", Body, (WooCommerceWebhookAdapter.SignatureHeader, "not base64 !!"));

        Assert.Equal(SignatureOutcome.Invalid, CreateSut().Verify(delivery, TestAccounts.For("woocommerce"), Deliveries.Now).Outcome);
    }

    [Fact]
    public void IsUnsignedPing_ActivationPing_True() =>
        Assert.True(CreateSut().IsUnsignedPing(Deliveries.Of("woocommerce", Encoding.ASCII.GetBytes("webhook_id=17"))));

    [Fact]
    public void IsUnsignedPing_OrderBody_False() =>
        Assert.False(CreateSut().IsUnsignedPing(Signed(Body)));

    [Fact]
    public void Read_OrderCreated_MapsCanonicalOrder()
    {
        var order = Assert.Single(CreateSut().Read(Signed(Body), TestAccounts.For("woocommerce")).Orders);

        Assert.Equal(("727", "727", "EUR"), (order.ChannelOrderId, order.ChannelOrderNumber, order.Currency));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 1, 0, TimeSpan.Zero), order.PlacedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 1, 5, TimeSpan.Zero), order.UpdatedAt);
        Assert.Equal(new Party("John Doe", "john.doe@example.com", "(555) 555-5555"), order.Buyer);
        Assert.Equal("94103", order.ShippingAddress?.PostalCode);
        Assert.Equal(new OrderLine("315", "WOO-1", "93", null, null, null, "Woo Single #1", 2, 6m, Discount: 0m), order.Lines[0]);
        Assert.Equal(new OrderLine("316", "SYI-BLK", "22", "23", null, "4006381333931", "Ship Your Idea - Color: Black", 1, 12m, Discount: 0m), order.Lines[1]);
        Assert.Equal(FulfilmentMethod.Ship("flat_rate"), order.Fulfilment);
        Assert.Equal(ChannelOrderStatus.Open, order.Status);
    }

    [Fact]
    public void Read_LocalPickup_PickupInStore()
    {
        var body = Payload.Bytes("WooCommerce", "order-pickup.json");

        var order = Assert.Single(CreateSut().Read(Signed(body), TestAccounts.For("woocommerce", "main", ("PickupStore", "S01"))).Orders);

        Assert.Equal(new FulfilmentMethod(FulfilmentKind.PickupInStore, "S01"), order.Fulfilment);
    }

    [Fact]
    public void Read_CancelledStatus_StatusCancelled()
    {
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("\"processing\"", "\"cancelled\"", StringComparison.Ordinal));

        Assert.Equal(ChannelOrderStatus.Cancelled, Assert.Single(CreateSut().Read(Signed(body, "order.updated"), TestAccounts.For("woocommerce")).Orders).Status);
    }

    [Fact]
    public void Read_MissingLineQuantity_ThrowsPayloadException()
    {
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("\"quantity\":2,", string.Empty, StringComparison.Ordinal));

        var error = Assert.Throws<PayloadException>(() => CreateSut().Read(Signed(body), TestAccounts.For("woocommerce")));
        Assert.Contains("quantity", error.Message, StringComparison.Ordinal);
    }

    internal static WebhookDelivery Signed(byte[] body, string topic = "order.created") =>
        Deliveries.Of(
            "woocommerce",
            body,
            (WooCommerceWebhookAdapter.SignatureHeader, Deliveries.Base64Hmac(body)),
            ("X-WC-Webhook-Topic", topic),
            ("X-WC-Webhook-Delivery-ID", Guid.NewGuid().ToString()));

    private static WooCommerceWebhookAdapter CreateSut() => new();
}
