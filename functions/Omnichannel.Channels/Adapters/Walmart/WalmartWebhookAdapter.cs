using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;

namespace Omnichannel.Channels.Adapters.Walmart;

/// <summary>
/// Walmart <c>PO_CREATED</c> webhooks. The authentication is chosen per subscription (<c>Authentication</c>):
/// <c>hmac</c> (default): header <c>SignatureHeader</c> (default <c>X-Walmart-Signature</c>, the name is yours
/// to choose) = base64(HMAC-SHA256(payload, client secret = <c>Secret</c>)); or <c>basic</c>: the
/// Authorization header must equal Basic(<c>BasicUser</c>:<c>Secret</c>). The signed body's <c>eventTime</c>
/// older than <c>MaxAge</c> (default 24 h) is stale.
/// </summary>
public sealed class WalmartWebhookAdapter : IWebhookAdapter
{
    public const string DefaultSignatureHeader = "X-Walmart-Signature";

    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromHours(24);

    public string Name => "walmart";

    public SignatureCheck Verify(WebhookDelivery delivery, ChannelAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(account);
        if (account.Secret is not { } secret)
        {
            return SignatureCheck.Missing("no secret configured");
        }

        var check = string.Equals(account["Authentication"], "basic", StringComparison.OrdinalIgnoreCase)
            ? VerifyBasic(delivery, account, secret)
            : VerifyHmac(delivery, account, secret);
        return check.IsValid ? CheckEventTime(delivery, account, now) : check;
    }

    public string? DeliveryId(WebhookDelivery delivery)
    {
        try
        {
            using var document = JsonRead.Parse(delivery?.Body ?? ReadOnlyMemory<byte>.Empty);
            return JsonRead.Opt(document.RootElement, "eventId");
        }
        catch (Exception e) when (e is JsonException or PayloadException)
        {
            return null;
        }
    }

    public WebhookContent Read(WebhookDelivery delivery, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var document = JsonRead.Parse(delivery.Body);
        var type = JsonRead.Req(document.RootElement, "eventType");
        if (type != "PO_CREATED")
        {
            return WebhookContent.Ignore($"event type {type} carries no new order");
        }

        var payload = JsonRead.Obj(document.RootElement, "payload") ?? throw new PayloadException("Field 'payload' is missing.");
        return JsonRead.Obj(payload, "orderLines") is null
            ? WebhookContent.Referencing(JsonRead.Req(payload, "purchaseOrderId"))
            : WebhookContent.Of(WalmartOrderMapper.Map(payload, account));
    }

    private static SignatureCheck VerifyHmac(WebhookDelivery delivery, ChannelAccount account, string secret)
    {
        var presented = delivery.Header(account["SignatureHeader"] ?? DefaultSignatureHeader);
        return presented is null
            ? SignatureCheck.Missing("no signature header")
            : SignatureCheck.From(Hmac.MatchesBase64(Hmac.Sign(secret, delivery.Body.Span), presented));
    }

    private static SignatureCheck VerifyBasic(WebhookDelivery delivery, ChannelAccount account, string secret)
    {
        var presented = delivery.Header("Authorization");
        var expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{account.Required("BasicUser")}:{secret}"));
        return presented is null ? SignatureCheck.Missing("no Authorization header")
            : Hmac.SecretsEqual(presented, expected) ? SignatureCheck.Valid
            : SignatureCheck.Invalid("basic credentials do not match");
    }

    private static SignatureCheck CheckEventTime(WebhookDelivery delivery, ChannelAccount account, DateTimeOffset now)
    {
        try
        {
            using var document = JsonRead.Parse(delivery.Body);
            return JsonRead.OptDate(document.RootElement, "eventTime") is { } at
                ? Hmac.CheckAge(at, now, account.TimeSpanOr("MaxAge", DefaultMaxAge)) ?? SignatureCheck.Valid
                : SignatureCheck.Valid;
        }
        catch (Exception e) when (e is JsonException or PayloadException)
        {
            // Authentic but unreadable: let the ingestor archive and quarantine it.
            return SignatureCheck.Valid;
        }
    }
}
