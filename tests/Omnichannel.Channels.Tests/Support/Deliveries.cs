using System.Security.Cryptography;
using System.Text;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Ingestion;

namespace Omnichannel.Channels.Tests.Support;

/// <summary>Builds signed deliveries the way each channel signs them.</summary>
public static class Deliveries
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static WebhookDelivery Of(string channel, byte[] body, params (string Name, string Value)[] headers) =>
        new(channel, "main", Now, $"https://hub.example/api/webhooks/{channel}/main", new HeaderMap(headers.Select(h => KeyValuePair.Create(h.Name, h.Value))), body);

    public static string Base64Hmac(byte[] body, string secret = TestAccounts.Secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>The hub scheme's two headers for <paramref name="body"/> signed at <paramref name="at"/>.</summary>
    public static (string Name, string Value)[] HubHeaders(byte[] body, DateTimeOffset at, string secret = TestAccounts.Secret)
    {
        var (timestamp, signature) = HubSignature.Sign(secret, at.ToUnixTimeSeconds(), body);
        return [(HubSignature.TimestampHeader, timestamp), (HubSignature.SignatureHeader, signature)];
    }

    /// <summary>The body with one byte changed.</summary>
    public static byte[] Tampered(byte[] body)
    {
        var copy = (byte[])body.Clone();
        var i = Array.LastIndexOf(copy, (byte)'1');
        copy[i < 0 ? copy.Length / 2 : i] = (byte)'2';
        return copy;
    }
}
