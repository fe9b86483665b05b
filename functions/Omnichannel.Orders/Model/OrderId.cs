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
    public static string For(string channel, string store, string channelOrderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(store);
        ArgumentException.ThrowIfNullOrEmpty(channelOrderId);
        return $"{Encode(channel.ToLowerInvariant())}_{Encode(store.ToLowerInvariant())}_{Encode(channelOrderId)}";
    }

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
