using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Omnichannel.Channels.Ingestion;

/// <summary>HMAC-SHA256 signature helpers. Every comparison is constant time over the decoded bytes.</summary>
public static class Hmac
{
    public static byte[] Sign(string secret, ReadOnlySpan<byte> data) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);

    /// <summary>HMAC over <paramref name="prefix"/> (UTF-8) followed by the raw body.</summary>
    public static byte[] Sign(string secret, string prefix, ReadOnlySpan<byte> body) =>
        Sign(Encoding.UTF8.GetBytes(secret), prefix, body);

    /// <summary>HMAC with a binary key over <paramref name="prefix"/> (UTF-8) followed by the raw body.</summary>
    public static byte[] Sign(byte[] key, string prefix, ReadOnlySpan<byte> body)
    {
        var prefixBytes = Encoding.UTF8.GetBytes(prefix);
        var data = new byte[prefixBytes.Length + body.Length];
        prefixBytes.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefixBytes.Length));
        return HMACSHA256.HashData(key, data);
    }

    /// <summary>True when <paramref name="presentedBase64"/> decodes to <paramref name="expected"/>.</summary>
    public static bool MatchesBase64(byte[] expected, string? presentedBase64)
    {
        if (string.IsNullOrEmpty(presentedBase64))
        {
            return false;
        }

        var buffer = new byte[((presentedBase64.Length + 3) / 4) * 3];
        return Convert.TryFromBase64String(presentedBase64.Trim(), buffer, out var written) &&
            CryptographicOperations.FixedTimeEquals(expected, buffer.AsSpan(0, written));
    }

    /// <summary>True when <paramref name="presentedHex"/> (either case) decodes to <paramref name="expected"/>.</summary>
    public static bool MatchesHex(byte[] expected, string? presentedHex)
    {
        if (string.IsNullOrEmpty(presentedHex) || presentedHex.Length % 2 != 0)
        {
            return false;
        }

        try
        {
            return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(presentedHex.Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Constant-time equality of two secrets of any length (compares their hashes).</summary>
    public static bool SecretsEqual(string? presented, string? expected) =>
        !string.IsNullOrEmpty(presented) && !string.IsNullOrEmpty(expected) &&
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    /// <summary>Checks a unix-seconds timestamp against the allowed age (both directions, for clock skew).</summary>
    public static SignatureCheck? CheckAge(string? unixSeconds, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(unixSeconds, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.Missing("no readable signed timestamp");
        }

        return CheckAge(DateTimeOffset.FromUnixTimeSeconds(seconds), now, tolerance);
    }

    public static SignatureCheck? CheckAge(DateTimeOffset signedAt, DateTimeOffset now, TimeSpan tolerance) =>
        (now - signedAt).Duration() > tolerance
            ? SignatureCheck.Stale($"signed {(now - signedAt).TotalSeconds:F0} s from now, tolerance {tolerance.TotalSeconds:F0} s")
            : null;
}
