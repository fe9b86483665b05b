using System.Text;
using Omnichannel.Channels.Adapters.Walmart;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Adapters.Walmart;

public sealed class WalmartWebhookAdapterTests
{
    private static readonly byte[] Body = Payload.Bytes("Walmart", "po-created.json");

    [Fact]
    public void Verify_EventTimeOlderThanMaxAge_IsStale() =>
        Assert.Equal(SignatureOutcome.Stale, CreateSut().Verify(Signed(Body), TestAccounts.For("walmart"), Deliveries.Now.AddDays(2)).Outcome);

    [Fact]
    public void Verify_BasicAuthentication_ComparesCredentials()
    {
        var account = TestAccounts.For("walmart", "main", ("Authentication", "basic"), ("BasicUser", "wm"));
        var good = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"wm:{TestAccounts.Secret}"));

        Assert.True(CreateSut().Verify(Deliveries.Of("walmart", Body, ("Authorization", good)), account, Deliveries.Now).IsValid);
        Assert.Equal(SignatureOutcome.Invalid, CreateSut().Verify(Deliveries.Of("walmart", Body, ("Authorization", good + "x")), account, Deliveries.Now).Outcome);
    }

    [Fact]
    public void Read_PoCreated_MapsCanonicalOrder()
    {
        var order = Assert.Single(CreateSut().Read(Signed(Body), TestAccounts.For("walmart")).Orders);

        Assert.Equal(("1796277083022", "5281956426648", "USD"), (order.ChannelOrderId, order.ChannelOrderNumber, order.Currency));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795600000000), order.PlacedAt);
        Assert.Equal(new OrderLine("1", "GH-50", null, null, null, null, "Garden Hose 50ft", 2, 24.99m), Assert.Single(order.Lines));
        Assert.Equal("13164", order.ShippingAddress?.PostalCode);
        Assert.Equal("evt-wm-1", CreateSut().DeliveryId(Signed(Body)));
    }

    private static WebhookDelivery Signed(byte[] body) =>
        Deliveries.Of("walmart", body, (WalmartWebhookAdapter.DefaultSignatureHeader, Deliveries.Base64Hmac(body)));

    private static WalmartWebhookAdapter CreateSut() => new();
}
