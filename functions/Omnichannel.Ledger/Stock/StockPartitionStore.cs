using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Omnichannel.Events.Outbox;
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
internal static class StockPartitionStore
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

    /// <summary>
    /// Commits a group of decided movements read from <paramref name="snapshot"/> as one entity-group transaction in
    /// the SKU's partition: per movement its two rows (<c>mov|{key}</c> and <c>log|{sequence}</c>, inserted: 409 when
    /// the key was recorded before), the group's outbox row, the head's sequence, low-stock flag and change window
    /// (merged under the head's ETag: 412 when another writer committed first), and each touched balance (merged under
    /// its ETag, or inserted when the location had none: 409 when another writer created it first). Throws
    /// <see cref="StorageException"/>; nothing is written unless everything is.
    /// </summary>
    public static Task CommitAsync(
        TableClient table,
        StockSnapshot snapshot,
        IReadOnlyList<(Movement Movement, string Fingerprint)> movements,
        OutboxBatch batch,
        (long Sequence, bool LowStockAlerted, ChangeWindow Window) head,
        IEnumerable<(string Location, BalanceState State)> balances)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(balances);
        var sku = snapshot.Sku;
        var actions = new List<TableTransactionAction>();
        foreach (var (movement, fingerprint) in movements)
        {
            actions.Add(new(TableTransactionActionType.Add, MovementEntity(MovementKey(movement.IdempotencyKey), movement, fingerprint)));
            actions.Add(new(TableTransactionActionType.Add, MovementEntity(LogKey(movement.Sequence), movement, fingerprint)));
        }

        actions.Add(new(TableTransactionActionType.Add, OutboxStore.Entity(Key(sku), OutboxStore.KeyAt(batch.Position), batch)));
        actions.Add(new(
            TableTransactionActionType.UpdateMerge,
            new TableEntity(Key(sku), Head) { ["Sequence"] = head.Sequence, ["LowStockAlerted"] = head.LowStockAlerted, ["ChangedWindowEnd"] = head.Window.End, ["ChangedTrailing"] = head.Window.Trailing },
            snapshot.HeadETag));
        foreach (var (location, state) in balances)
        {
            var entity = BalanceEntity(sku, location, state);
            actions.Add(snapshot.Balances.TryGetValue(location, out var existing)
                ? new TableTransactionAction(TableTransactionActionType.UpdateMerge, entity, existing.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, entity));
        }

        return StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, CancellationToken.None));
    }

    /// <summary>The movement recorded under an idempotency key and the fingerprint of the command that recorded it; null when none.</summary>
    public static async Task<(Movement Movement, string? Fingerprint)?> FindMovementAsync(TableClient table, string sku, string idempotencyKey, CancellationToken cancellationToken)
    {
        var entity = await StorageCall.TryGetAsync(async () => (await table.GetEntityAsync<TableEntity>(
            Key(sku), MovementKey(idempotencyKey), cancellationToken: cancellationToken)).Value);
        return entity is null ? null : (ToMovement(entity), entity.GetString("Fingerprint"));
    }

    /// <summary>One page of the SKU's audit trail, newest first.</summary>
    public static Task<Catalogue.Page<Movement>> ReadLogPageAsync(TableClient table, string sku, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Rows(Key(sku), LogPrefix, "log}");
        return StorageCall.RunAsync(async () =>
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize))
            {
                return new Catalogue.Page<Movement>(page.Values.Select(ToMovement).ToList(), page.ContinuationToken);
            }

            return new Catalogue.Page<Movement>([], null);
        });
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

    private static TableEntity MovementEntity(string rowKey, Movement movement, string fingerprint) => new(Key(movement.Sku), rowKey)
    {
        ["Data"] = LedgerJson.Serialize(movement),
        ["Fingerprint"] = fingerprint,
        ["Kind"] = movement.Kind.ToString(),
        ["At"] = movement.At,
    };

    private static Movement ToMovement(TableEntity e) => LedgerJson.Deserialize<Movement>(e.GetString("Data"));

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
