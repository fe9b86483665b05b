using Omnichannel.Events.Model;

namespace Omnichannel.Events.Outbox;

/// <summary>
/// What one committed state change must tell: its events and its internal queue messages, stored as one outbox
/// row in the same entity-group transaction as the change and delivered in <see cref="Position"/> order per partition.
/// </summary>
/// <param name="Position">Order within the partition (a SKU's movement sequence; an order's event time in ticks).</param>
/// <param name="Events">Events, in order.</param>
/// <param name="Sends">Internal queue messages.</param>
public sealed record OutboxBatch(long Position, IReadOnlyList<HubEvent> Events, IReadOnlyList<QueueSend> Sends)
{
    public bool IsEmpty => Events.Count == 0 && Sends.Count == 0;
}
