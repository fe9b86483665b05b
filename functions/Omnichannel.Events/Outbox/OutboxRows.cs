using System.Globalization;
using Azure.Data.Tables;
using Omnichannel.Events.Model;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Events.Outbox;

/// <summary>
/// Layout of an outbox row: RowKey <c>evt|{position, 19 digits}</c> (or <c>evt|{escaped event id}</c> for rows
/// written one event at a time), properties <c>Position</c>, <c>Events</c> and <c>Sends</c> (JSON, split over
/// <c>Events1</c>, <c>Events2</c>… beyond 30,000 characters, the limit of a string property), <c>Delivered</c>
/// (destinations that accepted it) and <c>ClaimedUntil</c> (the claim of the dispatcher delivering it). The
/// <c>evt|</c> range sorts between a stock partition's balances and its log, outside every other query of the ledger.
/// </summary>
public static class OutboxRows
{
    public const string Prefix = "evt|";
    public const string End = "evt}";
    private const int Chunk = 30_000;

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
}
