using Omnichannel.Events.Configuration;
using Omnichannel.Events.Model;

namespace Omnichannel.Events.Outbox;

/// <summary>
/// The outbox of features whose state change is not one table transaction (the order flow's activities): one row
/// per event in the subject's partition of the events outbox table, keyed by the event's stable id, written by
/// the activity that made the change before it completes. Insert first: a re-run of the activity (a retry, a
/// replay) hits 409 and adds nothing. A re-run after the row was delivered and archived writes it again: at
/// least once, recognisable by the id.
/// </summary>
public sealed class EventOutbox(EventsStorage storage, IOutboxSignal signal)
{
    public OutboxSource Source { get; } = new("events", storage.Outbox);

    /// <summary>Records events of one subject (in order) and dispatches them; returns how many were new.</summary>
    public async Task<int> RecordAsync(string subject, IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await storage.EnsureCreatedAsync();
        var partition = new OutboxPartition(Source, OutboxStore.PartitionKeyOf(subject));
        var added = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            // Ticks are 100 ns apart; a subject's events written by one call stay in their order.
            if (await OutboxStore.TryAddAsync(partition, OutboxStore.KeyOf(e.Id), new OutboxBatch(e.Time.UtcTicks + i, [e], []), cancellationToken))
            {
                added++;
            }
        }

        if (added > 0)
        {
            await signal.CommittedAsync(partition, cancellationToken);
        }

        return added;
    }
}
