using Azure.Data.Tables;

namespace Omnichannel.Events.Outbox;

/// <summary>
/// A table holding outbox rows (RowKeys <c>evt|…</c>) next to the state they describe: the ledger's stock table
/// (in each SKU's partition) or the events outbox table (one partition per order). Features register theirs as a
/// singleton; the sweep visits every registered source.
/// </summary>
public sealed record OutboxSource(string Name, TableClient Table);

/// <summary>One partition of a source: its rows are delivered in order, by one dispatcher at a time.</summary>
public sealed record OutboxPartition(OutboxSource Source, string PartitionKey)
{
    public string Key => $"{Source.Name}/{Source.Table.Name}/{PartitionKey}";
}
