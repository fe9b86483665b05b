using System.Security.Cryptography;
using System.Text;

namespace Omnichannel.Hosting.Signing;

/// <summary>
/// The signature of every webhook the hub sends (the alert webhook, the event subscribers): header <c>X-Omnichannel-Signature: sha256={hex}</c>, the lower-case hex
/// HMAC-SHA256 of <c>{timestamp}.{body}</c> with the shared secret, and the Unix timestamp (seconds) in
/// <c>X-Omnichannel-Timestamp</c> so a receiver can refuse old replays. Receivers compare in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Omnichannel-Signature";
    public const string TimestampHeader = "X-Omnichannel-Timestamp";

    public static string Compute(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    public static bool Verify(string secret, long timestamp, string body, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)),
            Encoding.ASCII.GetBytes(presented));
}
