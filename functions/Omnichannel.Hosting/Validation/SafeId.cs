namespace Omnichannel.Hosting.Validation;

/// <summary>
/// The one rule for identifiers that become storage keys, blob names or URL segments (location, product and listing
/// ids, durable instance ids): 1 to <c>maxLength</c> characters of ASCII letters, digits and <c>. _ - : @ + ~</c>,
/// starting with a letter or digit, without <c>..</c>, not ending with <c>.</c>, and not a reserved device name
/// (<c>CON</c>, <c>PRN</c>, <c>AUX</c>, <c>NUL</c>, <c>COM1</c>-<c>COM9</c>, <c>LPT1</c>-<c>LPT9</c>, also before an
/// extension). So markup (<c>"&gt;&lt;script&gt;</c>), OData names (<c>$metadata</c>), paths and their escapes
/// (<c>..%2F..</c>, <c>/</c>, <c>\</c>, <c>%</c>, <c>#</c>, <c>?</c>), spaces, control characters and every non-ASCII
/// character (the right-to-left override U+202E among them) are refused.
/// </summary>
public static class SafeId
{
    /// <summary>The default longest id: locations, products (SKUs), listing parts.</summary>
    public const int DefaultMaxLength = 100;

    /// <summary>The longest durable instance id: an order id is at most a few hundred characters, far below the 1 KiB key limit.</summary>
    public const int InstanceIdMaxLength = 256;

    private static readonly HashSet<string> Reserved = new(
        ["CON", "PRN", "AUX", "NUL", .. Enumerable.Range(1, 9).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" })],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="value"/> keeps the rule.</summary>
    public static bool IsValid(string? value, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(value) || value.Length > maxLength || !char.IsAsciiLetterOrDigit(value[0]) || value[^1] == '.')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or ':' or '@' or '+' or '~'))
            {
                return false;
            }
        }

        var stem = value.Split('.')[0];
        return !value.Contains("..", StringComparison.Ordinal) && !Reserved.Contains(stem);
    }

    /// <summary>The rule in words, naming the field, for a 400's <c>errors.{field}</c>.</summary>
    public static string Rule(string field, int maxLength = DefaultMaxLength) =>
        $"'{field}' must be 1-{maxLength} characters of ASCII letters, digits and . _ - : @ + ~, start with a letter or digit, contain no '..', not end with '.', and not be a reserved device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9).";
}
