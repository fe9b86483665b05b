using System.Security.Cryptography;
using System.Text;

namespace Omnichannel.Events.Model;

/// <summary>
/// Stable event ids: the lower-case hex of the first 16 bytes of SHA-256 over the business keys (type, subject and
/// what tells two events of one subject apart: a movement's sequence, a flow step, a parcel), joined by U+001F.
/// Every retry, replay or resend of the same event computes the same id, so a receiver (and Service Bus duplicate
/// detection) recognises it; the keys themselves (which may carry channel order ids) do not leave the hub.
/// </summary>
public static class HubEventId
{
    public static string For(string type, string subject, params string[] discriminators)
    {
        ArgumentNullException.ThrowIfNull(discriminators);
        var key = string.Join('\u001f', [type, subject, .. discriminators]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }
}
