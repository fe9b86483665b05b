using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Omnichannel.Events.Model;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Events.Outbox;

/// <summary>
/// The outbox rows of an <see cref="OutboxSource"/>'s table. Layout: RowKey <c>evt|{position, 19 digits}</c> (or
/// <c>evt|{escaped event id}</c> for rows written one event at a time), properties <c>Position</c>, <c>Events</c> and
/// <c>Sends</c> (JSON, split over <c>Events1</c>, <c>Events2</c>… beyond 30,000 characters, the limit of a string
/// property), <c>Delivered</c> (destinations that accepted it) and <c>ClaimedUntil</c> (the claim of the dispatcher
/// delivering it). The <c>evt|</c> range sorts between a stock partition's balances and its log, outside every other
/// query of the ledger.
/// </summary>
public static class OutboxStore
{
    public const string Prefix = "evt|";
    public const string End = "evt}";
    private const int Chunk = 30_000;

    /// <summary>The partition of a subject's rows in the events outbox table (the escaped subject).</summary>
    public static string PartitionKeyOf(string subject) => TableKeys.Escape(subject);

    public static string KeyAt(long position) => Prefix + position.ToString("D19", CultureInfo.InvariantCulture);

    public static string KeyOf(string eventId) => Prefix + TableKeys.Escape(eventId);

    public static TableEntity Entity(string partitionKey, string rowKey, OutboxBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var entity = new TableEntity(partitionKey, rowKey)
        {
            ["Position"] = batch.Position,
            ["Sends"] = EventJson.Serialize(batch.Sends),
            ["Delivered"] = "[]",
        };
        var events = EventJson.Serialize(batch.Events);
        for (int i = 0, part = 0; i < events.Length || part == 0; i += Chunk, part++)
        {
            entity[part == 0 ? "Events" : $"Events{part}"] = events.Substring(i, Math.Min(Chunk, events.Length - i));
        }

        return entity;
    }

    public static OutboxBatch Batch(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var events = entity.GetString("Events") ?? "[]";
        for (var part = 1; entity.GetString($"Events{part}") is { } more; part++)
        {
            events += more;
        }

        return new OutboxBatch(
            entity.GetInt64("Position") ?? 0,
            EventJson.Deserialize<List<HubEvent>>(events),
            EventJson.Deserialize<List<QueueSend>>(entity.GetString("Sends") ?? "[]"));
    }

    public static IReadOnlySet<string> Delivered(TableEntity entity) =>
        EventJson.Deserialize<HashSet<string>>(entity?.GetString("Delivered") ?? "[]");

    /// <summary>The filter of a partition's outbox rows.</summary>
    public static string PartitionFilter(string partitionKey) =>
        Storage.Tables.TableFilter.Rows(partitionKey, Prefix, End);

    /// <summary>The filter of every outbox row of a table (the sweep).</summary>
    public static string TableFilter() => Storage.Tables.TableFilter.RowsInEveryPartition(Prefix, End);

    /// <summary>Inserts one row, insert first: false when its key was written before (409).</summary>
    public static Task<bool> TryAddAsync(OutboxPartition partition, string rowKey, OutboxBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var entity = Entity(partition.PartitionKey, rowKey, batch);
        return StorageCall.TryCreateAsync(() => partition.Source.Table.AddEntityAsync(entity, cancellationToken));
    }

    /// <summary>
    /// Claims the partition's leading run of rows (Position order) that no other dispatcher holds now, at most
    /// <paramref name="max"/>, for <paramref name="duration"/>: one transaction under the rows' ETags. A 412 means another dispatcher claimed first (<see cref="OutboxClaim.Lost"/>). No rows when the
    /// partition has none (or its table does not exist) or another dispatcher holds its head.
    /// </summary>
    public static async Task<OutboxClaim> ClaimAsync(OutboxPartition partition, TimeProvider time, TimeSpan duration, int max)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(time);
        var table = partition.Source.Table;
        var pk = partition.PartitionKey;
        var rows = await ReadAsync(table, pk);
        var now = time.GetUtcNow();
        var claimable = rows.TakeWhile(r => !(r.GetDateTimeOffset("ClaimedUntil") > now)).Take(max).ToList();
        if (claimable.Count == 0)
        {
            return new OutboxClaim([], false);
        }

        var until = now + duration;
        var claimed = await StorageCall.TryConditionalAsync(() => table.SubmitTransactionAsync(
            claimable.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(pk, r.RowKey) { ["ClaimedUntil"] = until }, r.ETag)),
            CancellationToken.None));
        return claimed
            ? new OutboxClaim(claimable.Select(r => new OutboxRow(r.RowKey, Batch(r), Delivered(r))).ToList(), false)
            : new OutboxClaim([], true);
    }

    /// <summary>Deletes delivered rows (whatever their ETag: the claim is this dispatcher's), in one transaction.</summary>
    public static Task DeleteAsync(OutboxPartition partition, IEnumerable<string> rowKeys)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var pk = partition.PartitionKey;
        return StorageCall.RunAsync(() => partition.Source.Table.SubmitTransactionAsync(
            rowKeys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(pk, k), ETag.All)), CancellationToken.None));
    }

    /// <summary>Releases claimed rows as of <paramref name="release"/>, keeping who took each one (<see cref="OutboxRow.Delivered"/>), in one transaction.</summary>
    public static Task ReleaseAsync(OutboxPartition partition, IEnumerable<OutboxRow> rows, DateTimeOffset release)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var pk = partition.PartitionKey;
        return StorageCall.RunAsync(() => partition.Source.Table.SubmitTransactionAsync(
            rows.Select(l => new TableTransactionAction(
                TableTransactionActionType.UpdateMerge,
                new TableEntity(pk, l.RowKey) { ["ClaimedUntil"] = release, ["Delivered"] = EventJson.Serialize(l.Delivered.Order(StringComparer.Ordinal)) },
                ETag.All)),
            CancellationToken.None));
    }

    /// <summary>The partitions of the source that still hold outbox rows; none when its table does not exist.</summary>
    public static async Task<IReadOnlyCollection<string>> PendingPartitionsAsync(OutboxSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return await StorageCall.TryGetAsync(async () =>
        {
            var keys = new SortedSet<string>(StringComparer.Ordinal);
            await foreach (var e in source.Table.QueryAsync<TableEntity>(TableFilter(), select: Storage.Tables.TableFilter.PartitionKeyOnly, cancellationToken: cancellationToken))
            {
                keys.Add(e.PartitionKey);
            }

            return keys;
        }) ?? [];
    }

    private static async Task<List<TableEntity>> ReadAsync(TableClient table, string pk)
    {
        var rows = await StorageCall.TryGetAsync(async () =>
        {
            var found = new List<TableEntity>();
            await foreach (var e in table.QueryAsync<TableEntity>(PartitionFilter(pk)))
            {
                found.Add(e);
            }

            return found;
        });
        return (rows ?? []).OrderBy(r => r.GetInt64("Position") ?? 0).ThenBy(r => r.RowKey, StringComparer.Ordinal).ToList();
    }
}
