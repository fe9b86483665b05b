using System.Globalization;
using System.Text;

namespace Omnichannel.Orders.Model;

/// <summary>
/// The flow's instance id for a channel order: <c>{channel}_{store}_{channelOrderId}</c>, each part keeping
/// ASCII letters, digits and '-' and writing any other character as <c>.XX</c> (UTF-8 hex). The result is safe
/// in URLs and table keys, and distinct orders never share an id ('_' only separates).
/// </summary>
public static class OrderId
{
    /// <summary>The longest channel name and store an account may have (the management API's <c>SafeId</c> rule).</summary>
    private const int ChannelMaxLength = 50;

    private const int StoreMaxLength = 100;

    /// <summary>
    /// The longest id <see cref="For"/> can make from what intake forwards: channel and store (every character at
    /// worst <c>.XX</c>, 3 characters) and a channel order id of at most <c>DeliveryForwarder.MaxOrderIdLength</c>
    /// characters (at worst 4 UTF-8 bytes each, 12 characters).
    /// </summary>
    public const int MaxLength = (3 * ChannelMaxLength) + 1 + (3 * StoreMaxLength) + 1 + (12 * Omnichannel.Channels.Ingestion.DeliveryForwarder.MaxOrderIdLength);

    /// <summary>
    /// Whether <paramref name="id"/> is an id <see cref="For"/> can make: three non-empty parts separated by '_', each of
    /// ASCII letters, digits, '-' and <c>.XX</c> (two upper-case hex digits), at most <see cref="MaxLength"/> characters.
    /// Every channel order id intake accepts (Shopify numbers, Amazon <c>123-1234567-1234567</c>, eBay
    /// <c>12-12345-12345</c>, Allegro UUIDs, any other without control characters) gives such an id; markup, paths,
    /// device names, spaces and non-ASCII characters never do.
    /// </summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        var parts = id.Split('_');
        return parts.Length == 3 && parts.All(IsEncodedPart);
    }

    /// <summary>The rule in words, naming the field, for a 400's <c>errors.{field}</c>.</summary>
    public static string Rule(string field) =>
        $"'{field}' must be an order id {{channel}}_{{store}}_{{channelOrderId}} of at most {MaxLength} characters: three non-empty parts of ASCII letters, digits, '-' and '.XX' (a byte in upper-case hex).";

    public static string For(string channel, string store, string channelOrderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(store);
        ArgumentException.ThrowIfNullOrEmpty(channelOrderId);
        return $"{Encode(channel.ToLowerInvariant())}_{Encode(store.ToLowerInvariant())}_{Encode(channelOrderId)}";
    }

    private static bool IsEncodedPart(string part)
    {
        if (part.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (c == '.')
            {
                if (i + 2 >= part.Length || !IsUpperHex(part[i + 1]) || !IsUpperHex(part[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUpperHex(char c) => char.IsAsciiDigit(c) || c is >= 'A' and <= 'F';

    internal static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('.').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
