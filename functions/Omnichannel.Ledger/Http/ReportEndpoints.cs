using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Ledger.Sales;

namespace Omnichannel.Ledger.Http;

/// <summary><c>GET /api/reports/sales-by-channel?from=2026-11-01&amp;to=2026-11-30[&amp;channel=][&amp;sku=]</c>.</summary>
internal static class ReportEndpoints
{
    public const int MaxDays = 366;

    public static IServiceCollection AddReportFunctions(this IServiceCollection services) =>
        services.AddHttpFunction("SalesByChannelReport", "reports/sales-by-channel", AuthorizationLevel.Function, SalesByChannelAsync, "GET");

    internal static async Task<Results<Ok<SalesReport>, ValidationProblem>> SalesByChannelAsync(
        string? from, string? to, string? channel, string? sku, SalesLedger sales, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var fromDay = Day("from", from, errors);
        var toDay = Day("to", to, errors);
        if (!errors.Any && (toDay < fromDay || toDay.DayNumber - fromDay.DayNumber >= MaxDays))
        {
            errors.Add("to", $"'to' must be on or after 'from' and at most {MaxDays} days later.");
        }

        if (errors.Any)
        {
            return LedgerProblems.Invalid(errors);
        }

        var rows = await sales.ReportAsync(fromDay, toDay, string.IsNullOrWhiteSpace(channel) ? null : channel.ToLowerInvariant(), string.IsNullOrWhiteSpace(sku) ? null : sku, cancellationToken);
        return TypedResults.Ok(new SalesReport(fromDay, toDay, rows, rows.Sum(r => r.Units), rows.Sum(r => r.Revenue)));
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

/// <summary>Sales rows for a range of UTC days, with totals.</summary>
public sealed record SalesReport(DateOnly From, DateOnly To, IReadOnlyList<SalesRow> Rows, long TotalUnits, decimal TotalRevenue);
