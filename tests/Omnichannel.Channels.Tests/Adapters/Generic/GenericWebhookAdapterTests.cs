using Microsoft.Extensions.Options;
using Omnichannel.Channels.Adapters.Generic;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Adapters.Generic;

public sealed class GenericWebhookAdapterTests
{
    private static readonly byte[] Body = Payload.Bytes("Generic", "order-created.json");

    [Fact]
    public void Verify_SignedInTheFutureBeyondTolerance_IsStale() =>
        Assert.Equal(
            SignatureOutcome.Stale,
            CreateSut().Verify(Deliveries.Of("rakuten", Body, Deliveries.HubHeaders(Body, Deliveries.Now.AddMinutes(10))), TestAccounts.For("rakuten"), Deliveries.Now).Outcome);

    [Fact]
    public void Verify_AccountMaxAgeOverride_AcceptsOlder() =>
        Assert.True(CreateSut().Verify(
            Deliveries.Of("rakuten", Body, Deliveries.HubHeaders(Body, Deliveries.Now.AddMinutes(-20))),
            TestAccounts.For("rakuten", "main", ("MaxAge", "00:30:00")),
            Deliveries.Now).IsValid);

    [Fact]
    public void Read_OrderCreated_MapsCanonicalOrder()
    {
        var order = Assert.Single(CreateSut().Read(Deliveries.Of("rakuten", Body), TestAccounts.For("rakuten")).Orders);

        Assert.Equal(("rakuten", "RK-1001", "JPY"), (order.Channel, order.ChannelOrderId, order.Currency));
        Assert.Equal(new FulfilmentMethod(FulfilmentKind.PickupInStore, "TOKYO-1"), order.Fulfilment);
        Assert.Equal(new OrderLine("L1", "MUG-01", null, null, null, "4901234567894", "Mug", 3, 1200m), Assert.Single(order.Lines));
        Assert.Equal("JP", order.ShippingAddress?.CountryCode);
    }

    [Fact]
    public void Read_OrderCancelledEvent_StatusCancelled()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(Body).Replace("order.created", "order.cancelled", StringComparison.Ordinal));

        Assert.Equal(ChannelOrderStatus.Cancelled, Assert.Single(CreateSut().Read(Deliveries.Of("rakuten", body), TestAccounts.For("rakuten")).Orders).Status);
    }

    [Fact]
    public void Read_NoLines_ThrowsPayloadException() =>
        Assert.Throws<PayloadException>(() => CreateSut().Read(
            Deliveries.Of("rakuten", "{\"event_type\":\"order.created\",\"order\":{\"id\":\"1\",\"placed_at\":\"2026-11-25T08:00:00Z\",\"currency\":\"EUR\",\"lines\":[]}}"u8.ToArray()),
            TestAccounts.For("rakuten")));

    private static GenericWebhookAdapter CreateSut() => new(Options.Create(new ChannelsOptions()));
}
