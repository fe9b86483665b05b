using System.Security.Cryptography;
using System.Text;

namespace Omnichannel.Channels.Storage;

/// <summary>
/// Hashes and clipped values the channel stores keep with their rows (a content hash, a key for a quarantine row, a
/// delivery id kept for display). The keys themselves, escaped and bounded, come from the storage seam.
/// </summary>
public static class StorageKeys
{
    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>At most <paramref name="max"/> characters of <paramref name="value"/>, for a property kept for display.</summary>
    public static string? Clip(string? value, int max = 1024) => value is null || value.Length <= max ? value : value[..max];
}
