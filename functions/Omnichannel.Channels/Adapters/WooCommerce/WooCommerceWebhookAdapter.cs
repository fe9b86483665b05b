using System.Text;
using System.Text.RegularExpressions;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;

namespace Omnichannel.Channels.Adapters.WooCommerce;

/// <summary>
/// WooCommerce webhooks: <c>X-WC-Webhook-Signature</c> = base64(HMAC-SHA256(body as sent, webhook secret)).
/// Nothing signed carries a time, so there is no staleness check; replays are caught by the order-version
/// dedupe (order id + <c>date_modified</c>), as the docs advise since Delivery-ID is not a stable event key.
/// </summary>
public sealed partial class WooCommerceWebhookAdapter : IWebhookAdapter
{
    public const string SignatureHeader = "X-WC-Webhook-Signature";

    public string Name => "woocommerce";

    /// <summary>The activation ping is an unsigned form body <c>webhook_id=N</c>; it must get 200 or activation fails.</summary>
    public bool IsUnsignedPing(WebhookDelivery delivery) =>
        delivery is not null && delivery.Body.Length < 64 && PingBody().IsMatch(Encoding.ASCII.GetString(delivery.Body.Span));

    public SignatureCheck Verify(WebhookDelivery delivery, ChannelAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(account);
        var presented = delivery.Header(SignatureHeader);
        if (account.Secret is not { } secret || presented is null)
        {
            return SignatureCheck.Missing(account.Secret is null ? "no secret configured" : $"no {SignatureHeader} header");
        }

        return SignatureCheck.From(Hmac.MatchesBase64(Hmac.Sign(secret, delivery.Body.Span), presented));
    }

    public string? DeliveryId(WebhookDelivery delivery) => null;

    public WebhookContent Read(WebhookDelivery delivery, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var topic = delivery.Header("X-WC-Webhook-Topic") ?? throw new PayloadException("No X-WC-Webhook-Topic header.");
        using var document = JsonRead.Parse(delivery.Body);
        return topic switch
        {
            "order.created" or "order.updated" or "order.restored" => WebhookContent.Of(WooCommerceOrderMapper.Map(document.RootElement, account)),
            "order.deleted" => WebhookContent.Referencing(JsonRead.Req(document.RootElement, "id")),
            _ => WebhookContent.Ignore($"topic {topic} carries no order"),
        };
    }

    [GeneratedRegex("^webhook_id=[0-9]+$")]
    private static partial Regex PingBody();
}
