using System.Globalization;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Adapters.Etsy;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Adapters.Etsy;

public sealed class EtsyWebhookAdapterTests
{
    private const string WhSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly byte[] Body = Payload.Bytes("Etsy", "order-paid.json");

    [Fact]
    public void Verify_WhsecSecretAmongSeveralSignatures_IsValid() =>
        Assert.True(CreateSut().Verify(Signed(Body, Deliveries.Now), Account(), Deliveries.Now).IsValid);

    [Fact]
    public void Verify_OldTimestamp_IsStale() =>
        Assert.Equal(SignatureOutcome.Stale, CreateSut().Verify(Signed(Body, Deliveries.Now.AddMinutes(-10)), Account(), Deliveries.Now).Outcome);

    [Fact]
    public void Read_OrderPaid_ReferencesTheReceipt() =>
        Assert.Equal(["3012345678"], CreateSut().Read(Signed(Body, Deliveries.Now), Account()).References);

    private static Channels.Configuration.ChannelAccount Account() => TestAccounts.For("etsy", "main", ("Secret", WhSecret));

    private static WebhookDelivery Signed(byte[] body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(WhSecret[6..]);
        var signature = Convert.ToBase64String(Hmac.Sign(key, $"msg_1.{timestamp}.", body));
        return Deliveries.Of("etsy", body, ("webhook-id", "msg_1"), ("webhook-timestamp", timestamp), ("webhook-signature", $"v0,abc v1,{signature}"));
    }

    private static EtsyWebhookAdapter CreateSut() => new(Options.Create(new ChannelsOptions()));
}
