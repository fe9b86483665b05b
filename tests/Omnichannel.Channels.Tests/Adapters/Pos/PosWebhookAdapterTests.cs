using Microsoft.Extensions.Options;
using Omnichannel.Channels.Adapters.Pos;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Adapters.Pos;

public sealed class PosWebhookAdapterTests
{
    private static readonly byte[] Sale = Payload.Bytes("Pos", "sale.json");

    [Fact]
    public void Verify_TimestampChangedAfterSigning_IsInvalid()
    {
        var headers = Deliveries.HubHeaders(Sale, Deliveries.Now);
        headers[0].Value = (Deliveries.Now.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(SignatureOutcome.Invalid, CreateSut().Verify(Deliveries.Of("pos", Sale, headers), TestAccounts.For("pos"), Deliveries.Now).Outcome);
    }

    [Fact]
    public void Verify_SignedSixMinutesAgo_IsStale() =>
        Assert.Equal(
            SignatureOutcome.Stale,
            CreateSut().Verify(Deliveries.Of("pos", Sale, Deliveries.HubHeaders(Sale, Deliveries.Now.AddMinutes(-6))), TestAccounts.For("pos"), Deliveries.Now).Outcome);

    [Fact]
    public void Read_Sale_InStoreOpenOrder()
    {
        var order = Assert.Single(CreateSut().Read(Deliveries.Of("pos", Sale), TestAccounts.For("pos")).Orders);

        Assert.Equal("S01-2026-000123", order.ChannelOrderId);
        Assert.Equal(new FulfilmentMethod(FulfilmentKind.InStore, "S01"), order.Fulfilment);
        Assert.Equal(ChannelOrderStatus.Open, order.Status);
        Assert.Equal(new OrderLine("1", "TSHIRT-M-BLU", null, null, null, "4006381333931", "T-shirt M blue", 2, 19.90m), order.Lines[0]);
        Assert.Null(order.OriginalOrderId);
    }

    [Fact]
    public void Read_Return_RefundedOrderNamingTheSale()
    {
        var order = Assert.Single(CreateSut().Read(Deliveries.Of("pos", Payload.Bytes("Pos", "return.json")), TestAccounts.For("pos")).Orders);

        Assert.Equal(("S01-2026-000140", "S01-2026-000123", ChannelOrderStatus.Refunded), (order.ChannelOrderId, order.OriginalOrderId, order.Status));
        Assert.Equal(1, Assert.Single(order.Lines).Quantity);
    }

    [Fact]
    public void Read_UnknownType_ThrowsPayloadException() =>
        Assert.Throws<PayloadException>(() => CreateSut().Read(Deliveries.Of("pos", "{\"type\":\"refund\"}"u8.ToArray()), TestAccounts.For("pos")));

    private static PosWebhookAdapter CreateSut() => new(Options.Create(new ChannelsOptions()));
}
