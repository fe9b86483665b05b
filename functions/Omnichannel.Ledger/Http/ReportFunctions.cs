using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Omnichannel.Hosting.Http;
using Omnichannel.Hosting.Validation;
using Omnichannel.Ledger.Sales;

namespace Omnichannel.Ledger.Http;

/// <summary><c>GET /api/reports/sales-by-channel?from=2026-11-01&amp;to=2026-11-30[&amp;channel=][&amp;sku=]</c>.</summary>
public sealed class ReportFunctions(SalesStore sales)
{
    public const int MaxDays = 366;

    [Function("LedgerSalesByChannelGet")]
    public async Task<Results<Ok<SalesReport>, ProblemHttpResult>> SalesByChannelAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/sales-by-channel")] HttpRequest request, CancellationToken cancellationToken)
    {
        var channel = HttpQuery.String(request, "channel");
        var sku = HttpQuery.String(request, "sku");
        var errors = new FieldErrors();
        var fromDay = Day("from", HttpQuery.String(request, "from"), errors);
        var toDay = Day("to", HttpQuery.String(request, "to"), errors);
        if (!errors.Any && (toDay < fromDay || toDay.DayNumber - fromDay.DayNumber >= MaxDays))
        {
            errors.Add("to", $"'to' must be on or after 'from' and at most {MaxDays} days later.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var rows = await sales.ReportAsync(fromDay, toDay, string.IsNullOrWhiteSpace(channel) ? null : channel.ToLowerInvariant(), string.IsNullOrWhiteSpace(sku) ? null : sku, cancellationToken);
        return TypedResults.Ok(new SalesReport(fromDay, toDay, rows, rows.Sum(r => r.Units), rows.Sum(r => r.Revenue), SalesStore.ByCurrency(rows)));
    }

    private static DateOnly Day(string field, string? value, FieldErrors errors)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(field, $"'{field}' must be a UTC date as yyyy-MM-dd.");
        return default;
    }
}

/// <summary>Sales rows for a range of UTC days, with totals; <paramref name="ByCurrency"/> is the meaningful money figure (net revenue and tax per currency), <paramref name="TotalRevenue"/> the old list-price sum.</summary>
public sealed record SalesReport(DateOnly From, DateOnly To, IReadOnlyList<SalesRow> Rows, long TotalUnits, decimal TotalRevenue, IReadOnlyList<CurrencySales> ByCurrency);
