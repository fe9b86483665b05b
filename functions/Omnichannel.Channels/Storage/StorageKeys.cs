using System.Security.Cryptography;
using System.Text;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Storage;

/// <summary>
/// Table keys built from ids a channel chose (delivery ids, channel order ids): escaped by <see cref="TableKeys"/>, and
/// bounded, so an id of any length and any characters still has a key of its own and never fails the request.
/// </summary>
public static class StorageKeys
{
    /// <summary>The longest escaped id used as it is; longer ones are keyed by their hash. Table keys may hold 1 KiB.</summary>
    public const int MaxPlainLength = 200;

    /// <summary>
    /// The escaped id when it is at most <see cref="MaxPlainLength"/> characters, else <c>%h</c> and the id's SHA-256 in
    /// hex (66 characters). <see cref="TableKeys.Escape"/> writes <c>%</c> only before two hex digits, so a hashed key
    /// never equals an escaped one.
    /// </summary>
    public static string Bounded(string id)
    {
        var escaped = TableKeys.Escape(id);
        return escaped.Length <= MaxPlainLength ? escaped : "%h" + Hash(id);
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>At most <paramref name="max"/> characters of <paramref name="value"/>, for a property kept for display.</summary>
    public static string? Clip(string? value, int max = 1024) => value is null || value.Length <= max ? value : value[..max];
}
