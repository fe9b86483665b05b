using System.Text.RegularExpressions;

namespace Omnichannel.Sync.Feeds;

/// <summary>
/// Checks each row against the format's required fields and formats before anything is written. Google's
/// local inventory rules: id at most 50 characters, store_code at most 64, quantity 0 or more, availability one
/// of the documented values, price as <c>number currency</c>. Price comparison: id, title, price, currency,
/// availability and link required; GTIN 8, 12, 13 or 14 digits; no field may hold a line break.
/// </summary>
public static partial class FeedValidator
{
    public static readonly IReadOnlySet<string> LocalAvailability = new HashSet<string>(StringComparer.Ordinal) { "in_stock", "limited_availability", "on_display_to_order", "out_of_stock" };
    public static readonly IReadOnlySet<string> Availability = new HashSet<string>(StringComparer.Ordinal) { "in_stock", "out_of_stock" };

    public static IReadOnlyList<FeedProblem> Check(LocalInventoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var problems = new List<FeedProblem>();
        Text(problems, row.Id, "id", row.Id, 50, required: true);
        Text(problems, row.Id, "store_code", row.StoreCode, 64, required: true);
        if (row.Quantity < 0)
        {
            problems.Add(new(row.Id, "quantity", "must be 0 or more"));
        }

        if (!LocalAvailability.Contains(row.Availability))
        {
            problems.Add(new(row.Id, "availability", $"'{row.Availability}' is not one of {string.Join(", ", LocalAvailability)}"));
        }

        if (!LocalPrice().IsMatch(row.Price))
        {
            problems.Add(new(row.Id, "price", $"'{row.Price}' is not 'amount CUR' (e.g. 15.00 USD)"));
        }

        return problems;
    }

    public static IReadOnlyList<FeedProblem> Check(PriceComparisonRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var problems = new List<FeedProblem>();
        Text(problems, row.Id, "id", row.Id, 50, required: true);
        Text(problems, row.Id, "title", row.Title, 150, required: true);
        Text(problems, row.Id, "brand", row.Brand, 70, required: false);
        Text(problems, row.Id, "mpn", row.Mpn, 70, required: false);
        if (row.Gtin is not null && !Gtin().IsMatch(row.Gtin))
        {
            problems.Add(new(row.Id, "gtin", "must be 8, 12, 13 or 14 digits"));
        }

        if (!Amount().IsMatch(row.Price))
        {
            problems.Add(new(row.Id, "price", $"'{row.Price}' is not a decimal amount with two decimals"));
        }

        if (!CurrencyCode().IsMatch(row.Currency))
        {
            problems.Add(new(row.Id, "currency", $"'{row.Currency}' is not an ISO 4217 code"));
        }

        if (!Availability.Contains(row.Availability))
        {
            problems.Add(new(row.Id, "availability", $"'{row.Availability}' is not in_stock or out_of_stock"));
        }

        if (row.Quantity < 0)
        {
            problems.Add(new(row.Id, "quantity", "must be 0 or more"));
        }

        if (row.Link is null || !Uri.TryCreate(row.Link, UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(new(row.Id, "link", "an absolute http(s) product URL is required"));
        }

        return problems;
    }

    private static void Text(List<FeedProblem> problems, string id, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add(new(id, field, "is required"));
            }

            return;
        }

        if (value.Length > max)
        {
            problems.Add(new(id, field, $"is longer than {max} characters"));
        }

        if (value.AsSpan().IndexOfAny('\t', '\r', '\n') >= 0)
        {
            problems.Add(new(id, field, "must not contain tabs or line breaks"));
        }
    }

    [GeneratedRegex(@"^\d{1,9}\.\d{2} [A-Z]{3}$")]
    private static partial Regex LocalPrice();

    [GeneratedRegex(@"^\d{1,9}\.\d{2}$")]
    private static partial Regex Amount();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex(@"^(\d{8}|\d{12}|\d{13}|\d{14})$")]
    private static partial Regex Gtin();
}
