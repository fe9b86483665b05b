using Omnichannel.Channels.Adapters.BigCommerce;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Adapters.BigCommerce;

public sealed class BigCommerceWebhookAdapterTests
{
    private static readonly byte[] Body = Payload.Bytes("BigCommerce", "order-created.json");

    [Fact]
    public void Verify_CustomHeaderName_UsesIt()
    {
        var account = TestAccounts.For("bigcommerce", "main", ("SecretHeader", "X-Shop-Key"));

        Assert.True(CreateSut().Verify(Deliveries.Of("bigcommerce", Body, ("X-Shop-Key", TestAccounts.Secret)), account, Deliveries.Now).IsValid);
        Assert.Equal(["X-Shop-Key"], CreateSut().SecretHeaders(account));
    }

    [Fact]
    public void Read_OrderCreated_ReferencesTheOrder()
    {
        var content = CreateSut().Read(Deliveries.Of("bigcommerce", Body), TestAccounts.For("bigcommerce"));

        Assert.Equal(["250"], content.References);
        Assert.Equal("dd70c0976e06b67aaf671e73f49dcb79230ebf9d", CreateSut().DeliveryId(Deliveries.Of("bigcommerce", Body)));
    }

    private static BigCommerceWebhookAdapter CreateSut() => new();
}
