using System.Globalization;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;

namespace Omnichannel.Channels.Adapters.Shopify;

/// <summary>
/// Shopify webhooks: <c>X-Shopify-Hmac-SHA256</c> = base64(HMAC-SHA256(raw body, app client secret)).
/// Shopify resends the original payload for up to 4 hours and may deliver a day late, so "stale" means
/// <c>X-Shopify-Triggered-At</c> older than <c>MaxAge</c> (default 48 h): replays inside it are caught by dedupe.
/// </summary>
public sealed class ShopifyWebhookAdapter : IWebhookAdapter
{
    public const string SignatureHeader = "X-Shopify-Hmac-SHA256";

    /// <summary>Default largest age of <c>X-Shopify-Triggered-At</c>.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromHours(48);

    public string Name => "shopify";

    public SignatureCheck Verify(WebhookDelivery delivery, ChannelAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(account);
        var presented = delivery.Header(SignatureHeader);
        if (account.Secret is not { } secret || presented is null)
        {
            return SignatureCheck.Missing(account.Secret is null ? "no secret configured" : $"no {SignatureHeader} header");
        }

        if (!Hmac.MatchesBase64(Hmac.Sign(secret, delivery.Body.Span), presented))
        {
            return SignatureCheck.Invalid("signature does not match the body");
        }

        var triggeredAt = delivery.Header("X-Shopify-Triggered-At");
        return triggeredAt is not null && DateTimeOffset.TryParse(triggeredAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? Hmac.CheckAge(at, now, account.TimeSpanOr("MaxAge", DefaultMaxAge)) ?? SignatureCheck.Valid
            : SignatureCheck.Valid;
    }

    /// <summary>Docs name both Event-Id and Webhook-Id as the dedupe key; Event-Id also folds duplicate subscriptions.</summary>
    public string? DeliveryId(WebhookDelivery delivery) =>
        delivery?.Header("X-Shopify-Event-Id") is { } eventId ? "e:" + eventId
        : delivery?.Header("X-Shopify-Webhook-Id") is { } webhookId ? "w:" + webhookId
        : null;

    public WebhookContent Read(WebhookDelivery delivery, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var topic = delivery.Header("X-Shopify-Topic") ?? throw new PayloadException("No X-Shopify-Topic header.");
        using var document = JsonRead.Parse(delivery.Body);
        var root = document.RootElement;
        return topic switch
        {
            "orders/create" or "orders/updated" or "orders/cancelled" or "orders/paid" or "orders/edited" =>
                WebhookContent.Of(ShopifyOrderMapper.Map(root, account)),
            "refunds/create" => WebhookContent.Referencing(JsonRead.Req(root, "order_id")),
            _ => WebhookContent.Ignore($"topic {topic} carries no order"),
        };
    }
}
