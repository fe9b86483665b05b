using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Omnichannel.Storage.Errors;

/// <summary>
/// Table storage forbids <c>/ \ # ?</c> and control characters in PartitionKey and RowKey. Every key the hub
/// builds from outside data (SKUs, channel order ids) goes through <see cref="Escape"/>, so a seller SKU
/// such as "AB/12#3" still has a row of its own and the mapping can be reversed.
/// </summary>
public static class TableKeys
{
    /// <summary>The longest escaped id <see cref="Bounded"/> uses as it is; longer ones are keyed by their hash. Table keys may hold 1 KiB.</summary>
    public const int MaxPlainLength = 200;

    /// <summary>
    /// A key for an id someone else chose (a delivery id, a channel order id), of any length and any characters: the
    /// escaped id when it is at most <see cref="MaxPlainLength"/> characters, else <c>%h</c> and the id's SHA-256 in
    /// lower-case hex (66 characters). <see cref="Escape"/> writes <c>%</c> only before two hex digits, so a hashed key
    /// never equals an escaped one.
    /// </summary>
    public static string Bounded(string id)
    {
        var escaped = Escape(id);
        return escaped.Length <= MaxPlainLength ? escaped : "%h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }

    /// <summary>Escapes forbidden characters (and the escape character itself) as <c>%XX</c>.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length)
            {
                builder.Append((char)int.Parse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
