using System.Text;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;

namespace Omnichannel.Channels.Adapters.Etsy;

/// <summary>
/// Etsy's thin <c>order.paid</c> webhook (commercial apps), signed Standard-Webhooks style as third parties
/// describe it: <c>webhook-signature</c> = <c>v1,</c> + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)),
/// key = the base64 part of a <c>whsec_</c> secret (else the secret's UTF-8 bytes). The body names the receipt,
/// forwarded as a reference for the consumer to fetch. Polling is the primary path for Etsy.
/// </summary>
public sealed class EtsyWebhookAdapter(IOptions<ChannelsOptions> options) : IWebhookAdapter
{
    public string Name => "etsy";

    public SignatureCheck Verify(WebhookDelivery delivery, ChannelAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(account);
        var (id, timestamp, signatures) = (delivery.Header("webhook-id"), delivery.Header("webhook-timestamp"), delivery.Header("webhook-signature"));
        if (account.Secret is not { } secret || id is null || timestamp is null || signatures is null)
        {
            return SignatureCheck.Missing(account.Secret is null ? "no secret configured" : "no webhook-id, webhook-timestamp or webhook-signature header");
        }

        var expected = Hmac.Sign(Key(secret), $"{id}.{timestamp}.", delivery.Body.Span);
        var matches = false;
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            matches |= candidate.StartsWith("v1,", StringComparison.Ordinal) && Hmac.MatchesBase64(expected, candidate[3..]);
        }

        return !matches
            ? SignatureCheck.Invalid("no v1 signature matches id, timestamp and body")
            : Hmac.CheckAge(timestamp, now, account.TimeSpanOr("MaxAge", options.Value.SignatureTolerance)) ?? SignatureCheck.Valid;
    }

    public string? DeliveryId(WebhookDelivery delivery) => delivery?.Header("webhook-id");

    public WebhookContent Read(WebhookDelivery delivery, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var document = JsonRead.Parse(delivery.Body);
        var root = document.RootElement;
        var type = JsonRead.Req(root, "event_type");
        if (type != "order.paid")
        {
            return WebhookContent.Ignore($"event type {type} carries no order");
        }

        var receipt = JsonRead.Opt(root, "receipt_id") ?? JsonRead.Req(root, "resource_url").TrimEnd('/').Split('/')[^1];
        return long.TryParse(receipt, out _) ? WebhookContent.Referencing(receipt) : throw new PayloadException("resource_url does not end in a receipt id.");
    }

    private static byte[] Key(string secret) =>
        secret.StartsWith("whsec_", StringComparison.Ordinal) ? Convert.FromBase64String(secret[6..]) : Encoding.UTF8.GetBytes(secret);
}
