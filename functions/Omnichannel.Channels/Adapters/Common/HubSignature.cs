using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;

namespace Omnichannel.Channels.Adapters.Common;

/// <summary>
/// The hub's own signature scheme (generic channel and store POS): header <c>X-Hub-Timestamp</c> = unix
/// seconds, header <c>X-Hub-Signature</c> = <c>sha256=</c> + hex(HMAC-SHA256(secret, timestamp + "." + raw body)).
/// Signing the timestamp makes replay outside the tolerance impossible.
/// </summary>
public static class HubSignature
{
    public const string TimestampHeader = "X-Hub-Timestamp";
    public const string SignatureHeader = "X-Hub-Signature";
    public const string EventIdHeader = "X-Hub-Event-Id";

    public static SignatureCheck Verify(WebhookDelivery delivery, ChannelAccount account, DateTimeOffset now, TimeSpan defaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(account);
        var presented = delivery.Header(SignatureHeader);
        var timestamp = delivery.Header(TimestampHeader);
        if (account.Secret is not { } secret || presented is null || timestamp is null)
        {
            return SignatureCheck.Missing(account.Secret is null ? "no secret configured" : "no signature or timestamp header");
        }

        var hex = presented.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? presented[7..] : presented;
        if (!Hmac.MatchesHex(Hmac.Sign(secret, timestamp + ".", delivery.Body.Span), hex))
        {
            return SignatureCheck.Invalid("signature does not match timestamp and body");
        }

        return Hmac.CheckAge(timestamp, now, account.TimeSpanOr("MaxAge", defaultTolerance)) ?? SignatureCheck.Valid;
    }

    /// <summary>Signs a body as a sender must (tests, the benchmark, and sender documentation).</summary>
    public static (string Timestamp, string Signature) Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var timestamp = unixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (timestamp, "sha256=" + Convert.ToHexStringLower(Hmac.Sign(secret, timestamp + ".", body)));
    }
}
