using System.Globalization;
using Azure.Data.Tables;
using Omnichannel.Ledger.Stock;
using Omnichannel.Storage.Errors;
using Omnichannel.Storage.Tables;

namespace Omnichannel.Ledger.Sales;

/// <summary>
/// Sales by channel. Each POS sale, shipment and return writes one fact row (PartitionKey = UTC day,
/// RowKey = channel|SKU|sequence) after its movement commits; the insert is keyed by the movement, so a
/// replayed movement re-inserts it harmlessly (409), which also repairs a fact lost to a crash in between.
/// Reports sum the facts of the days asked for. Returns count as negative units.
/// </summary>
public sealed class SalesStore(Configuration.LedgerStorage storage)
{
    /// <summary>Channel recorded for POS sales without a source channel, and for others without one.</summary>
    public const string PosChannel = "pos";
    public const string UnknownChannel = "unassigned";

    internal async Task RecordAsync(Movement movement, CancellationToken cancellationToken)
    {
        var units = movement.Kind switch
        {
            MovementKind.PosSale or MovementKind.Ship => movement.Quantity,
            MovementKind.Return => -movement.Quantity,
            _ => 0,
        };
        if (units == 0)
        {
            return;
        }

        var channel = movement.Source.Channel ?? (movement.Kind == MovementKind.PosSale ? PosChannel : UnknownChannel);
        var day = Day(movement.At);
        var entity = new TableEntity(day, $"{TableKeys.Escape(channel)}|{TableKeys.Escape(movement.Sku)}|{movement.Sequence:D19}")
        {
            ["Channel"] = channel,
            ["Sku"] = movement.Sku,
            ["Units"] = units,
            ["Revenue"] = (units * (movement.UnitPrice ?? 0m)).ToString(CultureInfo.InvariantCulture),
            ["Net"] = (units * (movement.UnitNet ?? movement.UnitPrice ?? 0m)).ToString(CultureInfo.InvariantCulture),
            ["Tax"] = (units * (movement.UnitTax ?? 0m)).ToString(CultureInfo.InvariantCulture),
        };
        if (movement.Currency is { } currency)
        {
            entity["Currency"] = currency;
        }

        await StorageCall.TryCreateAsync(() => storage.Sales.AddEntityAsync(entity, cancellationToken));
    }

    /// <summary>Units and revenue per day, channel and SKU for the UTC days <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public async Task<IReadOnlyList<SalesRow>> ReportAsync(DateOnly from, DateOnly to, string? channel, string? sku, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var filter = TableFilter.Partitions(Day(from), Day(to));
        var sums = new SortedDictionary<(string Day, string Channel, string Sku, string Currency), (long Units, decimal Revenue, decimal Net, decimal Tax)>();
        await StorageCall.RunAsync(async () =>
        {
            await foreach (var e in storage.Sales.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                var key = (e.PartitionKey, e.GetString("Channel"), e.GetString("Sku"), e.GetString("Currency") ?? string.Empty);
                if ((channel is not null && key.Item2 != channel) || (sku is not null && key.Item3 != sku))
                {
                    continue;
                }

                var sum = sums.GetValueOrDefault(key);
                var revenue = decimal.Parse(e.GetString("Revenue") ?? "0", CultureInfo.InvariantCulture);
                sums[key] = (
                    sum.Units + (e.GetInt32("Units") ?? 0),
                    sum.Revenue + revenue,
                    sum.Net + (e.GetString("Net") is { } net ? decimal.Parse(net, CultureInfo.InvariantCulture) : revenue),
                    sum.Tax + decimal.Parse(e.GetString("Tax") ?? "0", CultureInfo.InvariantCulture));
            }
        });
        return sums.Select(s => new SalesRow(
            DateOnly.ParseExact(s.Key.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), s.Key.Channel, s.Key.Sku, s.Value.Units, s.Value.Revenue,
            s.Key.Currency.Length == 0 ? null : s.Key.Currency, Money(s.Value.Net), Money(s.Value.Tax))).ToList();
    }

    /// <summary>Net revenue and tax per currency (a currency-less row, recorded before currencies were kept, under null).</summary>
    public static IReadOnlyList<CurrencySales> ByCurrency(IEnumerable<SalesRow> rows) =>
        rows.GroupBy(r => r.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencySales(g.Key, g.Sum(r => r.Units), Money(g.Sum(r => r.NetRevenue ?? r.Revenue)), Money(g.Sum(r => r.Tax ?? 0m))))
            .ToList();

    /// <summary>Sums of per-unit shares (a discount over 3 units) are rounded to cents once, when reported.</summary>
    private static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Units and revenue of one SKU on one channel on one UTC day, in one currency.</summary>
/// <param name="Day">UTC day.</param>
/// <param name="Channel">Channel (pos for POS sales without one).</param>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Units">Units sold minus returned.</param>
/// <param name="Revenue">Units × list unit price (the figure before currencies and discounts were kept; mixes currencies when summed).</param>
/// <param name="Currency">ISO 4217; null for facts recorded without one.</param>
/// <param name="NetRevenue">After every discount, without tax.</param>
/// <param name="Tax">Tax on it.</param>
public sealed record SalesRow(DateOnly Day, string Channel, string Sku, long Units, decimal Revenue, string? Currency = null, decimal? NetRevenue = null, decimal? Tax = null);

/// <summary>Units, net revenue and tax of one currency.</summary>
public sealed record CurrencySales(string? Currency, long Units, decimal NetRevenue, decimal Tax);
