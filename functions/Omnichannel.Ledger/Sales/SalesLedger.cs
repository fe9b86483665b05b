using System.Globalization;
using Azure.Data.Tables;
using Omnichannel.Ledger.Stock;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Ledger.Sales;

/// <summary>
/// Sales by channel. Each POS sale, shipment and return writes one fact row (PartitionKey = UTC day,
/// RowKey = channel|SKU|sequence) after its movement commits; the insert is keyed by the movement, so a
/// replayed movement re-inserts it harmlessly (409), which also repairs a fact lost to a crash in between.
/// Reports sum the facts of the days asked for. Returns count as negative units.
/// </summary>
public sealed class SalesLedger(Configuration.LedgerStorage storage)
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
        };
        await StorageCall.TryCreateAsync(() => storage.Sales.AddEntityAsync(entity, cancellationToken));
    }

    /// <summary>Units and revenue per day, channel and SKU for the UTC days <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public async Task<IReadOnlyList<SalesRow>> ReportAsync(DateOnly from, DateOnly to, string? channel, string? sku, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Day(from)} and PartitionKey le {Day(to)}");
        var sums = new SortedDictionary<(string Day, string Channel, string Sku), (long Units, decimal Revenue)>();
        await StorageCall.RunAsync(async () =>
        {
            await foreach (var e in storage.Sales.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                var key = (e.PartitionKey, e.GetString("Channel"), e.GetString("Sku"));
                if ((channel is not null && key.Item2 != channel) || (sku is not null && key.Item3 != sku))
                {
                    continue;
                }

                var sum = sums.GetValueOrDefault(key);
                sums[key] = (sum.Units + (e.GetInt32("Units") ?? 0), sum.Revenue + decimal.Parse(e.GetString("Revenue") ?? "0", CultureInfo.InvariantCulture));
            }
        });
        return sums.Select(s => new SalesRow(DateOnly.ParseExact(s.Key.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), s.Key.Channel, s.Key.Sku, s.Value.Units, s.Value.Revenue)).ToList();
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Units and revenue of one SKU on one channel on one UTC day.</summary>
public sealed record SalesRow(DateOnly Day, string Channel, string Sku, long Units, decimal Revenue);
