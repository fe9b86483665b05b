using System.Globalization;
using System.Text;

namespace Omnichannel.Sync.Feeds;

/// <summary>Writes validated rows: Google's tab-separated text with a header row, and RFC 4180 CSV.</summary>
public static class FeedFormat
{
    public const string LocalInventoryHeader = "store_code\tid\tquantity\tavailability\tprice";
    public const string PriceComparisonHeader = "id,title,brand,gtin,mpn,price,currency,availability,quantity,link";

    public static string Tsv(IEnumerable<LocalInventoryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder(LocalInventoryHeader).Append('\n');
        foreach (var r in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.StoreCode}\t{r.Id}\t{r.Quantity}\t{r.Availability}\t{r.Price}\n");
        }

        return text.ToString();
    }

    public static string Csv(IEnumerable<PriceComparisonRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder(PriceComparisonHeader).Append("\r\n");
        foreach (var r in rows)
        {
            string?[] fields = [r.Id, r.Title, r.Brand, r.Gtin, r.Mpn, r.Price, r.Currency, r.Availability, r.Quantity.ToString(CultureInfo.InvariantCulture), r.Link];
            text.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>Amount with two decimals, invariant culture.</summary>
    public static string Amount(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Quote(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(',', '"', '\n') >= 0 || value.Contains('\r', StringComparison.Ordinal) ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
