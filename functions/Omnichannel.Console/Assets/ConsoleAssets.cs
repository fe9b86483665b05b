using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Omnichannel.OperationsConsole.Assets;

/// <summary>One file of the page, as embedded in this assembly.</summary>
public sealed record ConsoleAsset(string Path, string ContentType, byte[] Content, string ETag);

/// <summary>
/// The page's files, embedded at build (every file under <c>wwwroot</c>, resource name <c>console/{path}</c>), read
/// once. Nothing is read from disk at run time, so the package holds the page and nothing else needs deploying.
/// </summary>
public sealed class ConsoleAssets
{
    private const string Prefix = "console/";

    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".md"] = "text/plain; charset=utf-8",
        [".json"] = "application/json",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, ConsoleAsset> _assets;

    public ConsoleAssets()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        _assets = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => Load(assembly, n))
            .ToFrozenDictionary(a => a.Path, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Paths => _assets.Keys;

    /// <summary>The file at <paramref name="path"/> (relative to the console's root), or null.</summary>
    public ConsoleAsset? Find(string path) => _assets.GetValueOrDefault(path);

    private static ConsoleAsset Load(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        var path = name[Prefix.Length..].Replace('\\', '/');
        var type = Types.GetValueOrDefault(System.IO.Path.GetExtension(path), "application/octet-stream");
        return new ConsoleAsset(path, type, content, $"\"{Convert.ToHexString(SHA256.HashData(content))[..16]}\"");
    }
}
