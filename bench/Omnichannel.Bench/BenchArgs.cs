using System.Globalization;

namespace Omnichannel.Bench;

/// <summary>A benchmark command's options, each given as <c>--name value</c>.</summary>
internal static class BenchArgs
{
    /// <summary>The value after <paramref name="name"/>, or null when the option (or its value) is not given.</summary>
    public static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The whole number after <paramref name="name"/>, or <paramref name="fallback"/> when not given; throws when it is not a number.</summary>
    public static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is not { } text ? fallback
        : int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ArgumentException($"{name} must be a whole number, not '{text}'.", nameof(args));
}
