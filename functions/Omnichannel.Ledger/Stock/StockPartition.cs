using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Storage.Errors;
using Omnichannel.Storage.Tables;

namespace Omnichannel.Ledger.Stock;

/// <summary>
/// Layout of one SKU's partition in the stock table (PartitionKey = escaped SKU). RowKeys sort so that one
/// range query (<c>ats|</c> to <c>bal}</c>) returns the listing rules, the head row and every balance:
/// <list type="bullet">
/// <item><c>ats|{channel}|{account}|{item}</c>: a channel listing's stock rule (copy of the catalogue's listing);</item>
/// <item><c>bal</c>: the head row: product settings, movement sequence, low-stock state, stock-changed window
/// (<see cref="ChangeWindow"/>).
/// Every movement updates it under its ETag, which serialises writers of the SKU;</item>
/// <item><c>bal|{location}</c>: the balance of one location;</item>
/// <item><c>log|{inverted sequence}</c>: the audit trail, newest first;</item>
/// <item><c>mov|{idempotency key}</c>: the same movement, found by its key; inserting it twice gives 409.</item>
/// </list>
/// </summary>
internal static class StockPartition
{
    public const string Head = "bal";
    public const string BalancePrefix = "bal|";
    public const string RulePrefix = "ats|";
    public const string LogPrefix = "log|";
    public const string MovementPrefix = "mov|";

    public static string Key(string sku) => TableKeys.Escape(sku);

    public static string BalanceKey(string location) => BalancePrefix + TableKeys.Escape(location);

    public static string MovementKey(string idempotencyKey) => MovementPrefix + TableKeys.Escape(idempotencyKey);

    public static string LogKey(long sequence) => LogPrefix + (long.MaxValue - sequence).ToString("D19", CultureInfo.InvariantCulture);

    public static string RuleKey(string listingKey) => RulePrefix + listingKey;

    /// <summary>Reads the head, balances and listing rules of a SKU in one query; null when the SKU has no head (unknown product).</summary>
    public static async Task<StockSnapshot?> ReadAsync(TableClient table, string sku, CancellationToken cancellationToken)
    {
        var pk = Key(sku);
        var filter = TableFilter.Rows(pk, RulePrefix, "bal}");
        TableEntity? head = null;
        var balances = new Dictionary<string, (BalanceState State, ETag ETag)>(StringComparer.Ordinal);
        var rules = new List<ChannelListing>();
        await StorageCall.RunAsync(async () =>
        {
            await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (e.RowKey == Head)
                {
                    head = e;
                }
                else if (e.RowKey.StartsWith(BalancePrefix, StringComparison.Ordinal))
                {
                    balances[TableKeys.Unescape(e.RowKey[BalancePrefix.Length..])] = (ToBalance(e), e.ETag);
                }
                else if (e.RowKey.StartsWith(RulePrefix, StringComparison.Ordinal))
                {
                    rules.Add(LedgerJson.Deserialize<ChannelListing>(e.GetString("Data")));
                }
            }
        });

        if (head is null)
        {
            return null;
        }

        return new StockSnapshot(
            sku,
            head.ETag,
            head.GetString("Title") ?? sku,
            head.GetInt64("Sequence") ?? 0,
            head.GetInt32("SafetyStock") ?? 0,
            head.GetInt32("ReorderPoint") is >= 0 and var point ? point : null,
            head.GetBoolean("LowStockAlerted") ?? false,
            head.GetDateTimeOffset("ChangedWindowEnd"),
            head.GetBoolean("ChangedTrailing") ?? false,
            balances,
            rules);
    }

    public static TableEntity HeadSettings(Product product) => new(Key(product.Sku), Head)
    {
        ["Title"] = product.Title,
        ["SafetyStock"] = product.SafetyStock,
        // Merge cannot remove a property, so "no reorder point" is stored as -1.
        ["ReorderPoint"] = product.ReorderPoint ?? -1,
    };

    public static TableEntity BalanceEntity(string sku, string location, BalanceState b) => new(Key(sku), BalanceKey(location))
    {
        ["OnHand"] = b.OnHand,
        ["Reserved"] = b.Reserved,
        ["Incoming"] = b.Incoming,
        ["Unsellable"] = b.Unsellable,
        ["InTransit"] = b.InTransit,
        ["RecountAlerted"] = b.RecountAlerted,
    };

    public static TableEntity MovementEntity(string rowKey, Movement movement, string fingerprint) => new(Key(movement.Sku), rowKey)
    {
        ["Data"] = LedgerJson.Serialize(movement),
        ["Fingerprint"] = fingerprint,
        ["Kind"] = movement.Kind.ToString(),
        ["At"] = movement.At,
    };

    public static Movement ToMovement(TableEntity e) => LedgerJson.Deserialize<Movement>(e.GetString("Data"));

    private static BalanceState ToBalance(TableEntity e) => new(
        e.GetInt32("OnHand") ?? 0,
        e.GetInt32("Reserved") ?? 0,
        e.GetInt32("Incoming") ?? 0,
        e.GetInt32("Unsellable") ?? 0,
        e.GetInt32("InTransit") ?? 0,
        e.GetBoolean("RecountAlerted") ?? false);
}

/// <summary>What one read of a SKU's partition returned, with the ETags a write must hold.</summary>
internal sealed record StockSnapshot(
    string Sku,
    ETag HeadETag,
    string Title,
    long Sequence,
    int SafetyStock,
    int? ReorderPoint,
    bool LowStockAlerted,
    DateTimeOffset? ChangedWindowEnd,
    bool ChangedTrailing,
    IReadOnlyDictionary<string, (BalanceState State, ETag ETag)> Balances,
    IReadOnlyList<ChannelListing> Rules)
{
    public IReadOnlyDictionary<string, BalanceState> States => Balances.ToDictionary(b => b.Key, b => b.Value.State, StringComparer.Ordinal);
}
