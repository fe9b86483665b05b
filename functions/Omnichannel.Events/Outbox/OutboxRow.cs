namespace Omnichannel.Events.Outbox;

/// <summary>An outbox row a dispatcher claimed: its key, what it must tell, and the destinations that took it already.</summary>
/// <param name="RowKey">The row's key in its partition.</param>
/// <param name="Batch">Its events and internal queue messages.</param>
/// <param name="Delivered">The destinations (and <c>internal-queues</c>) that accepted it in an earlier pass.</param>
public sealed record OutboxRow(string RowKey, OutboxBatch Batch, IReadOnlySet<string> Delivered);
