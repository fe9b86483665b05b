namespace Omnichannel.Ledger.Catalogue;

/// <summary>Normal forms used to match a channel's identifiers to the catalogue.</summary>
public static class Identifiers
{
    /// <summary>
    /// A GTIN-8/UPC-A (12)/EAN-13/GTIN-14 as 14 digits (left-padded with zeros), so a UPC and the same
    /// product's EAN match; null when it is not digits of those lengths or its check digit is wrong.
    /// </summary>
    public static string? NormalizeGtin(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var digits = value.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (digits.Length is not (8 or 12 or 13 or 14) || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var padded = digits.PadLeft(14, '0');
        var sum = 0;
        for (var i = 0; i < 13; i++)
        {
            sum += (padded[i] - '0') * (i % 2 == 0 ? 3 : 1);
        }

        return (10 - (sum % 10)) % 10 == padded[13] - '0' ? padded : null;
    }

    /// <summary>Upper case without spaces, hyphens, underscores or dots: "ab-12 3" and "AB123" are one seller SKU.</summary>
    public static string NormalizeSellerSku(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new string(value.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_' or '.')).Select(char.ToUpperInvariant).ToArray());
    }

    /// <summary>ASINs are ten letters or digits, case-insensitive.</summary>
    public static string? NormalizeAsin(string? value)
    {
        var trimmed = value?.Trim().ToUpperInvariant();
        return trimmed is { Length: 10 } && trimmed.All(char.IsAsciiLetterOrDigit) ? trimmed : null;
    }
}
