using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Events.Configuration;
using Omnichannel.Events.Destinations;
using Omnichannel.Events.History;
using Omnichannel.Events.Outbox;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Events.Dispatch;

/// <summary>
/// Delivers a partition's outbox rows at least once, in order, and marks them done. One pass: read the partition's
/// rows (Position order), claim the leading run of rows no other dispatcher holds (one transaction under their
/// ETags: a 412 means another dispatcher claimed first, and it delivers them), then per row send its internal
/// queue messages and its events to every destination that has not taken it yet. A destination that fails (or is
/// in backoff) takes none of the partition's later rows in this pass, so each destination sees a subject's events
/// in order; the others go on. A row every destination took (or skipped, when paused) is written to the history
/// and deleted; the rest are released with who took them, for the next pass. After a pass that delivered
/// everything it claimed, the partition is read again (rows committed meanwhile by another instance, whose prompt
/// dispatch found these rows claimed). A crash anywhere leaves the rows (claimed until <c>Events:ClaimDuration</c>)
/// for the sweep; a resend carries the same event ids.
/// </summary>
public sealed class OutboxDispatcher(
    IEnumerable<IEventDestination> destinations,
    DestinationStateStore states,
    EventJournalStore journal,
    InternalQueueStore queues,
    TimeProvider time,
    IOptions<EventsOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>The pseudo-destination of a row's internal queue messages (always delivered first).</summary>
    public const string InternalQueues = "internal-queues";

    private readonly IReadOnlyList<IEventDestination> _destinations = destinations.ToList();
    private readonly PartitionRuns _runs = new();

    public IReadOnlyList<IEventDestination> Destinations => _destinations;

    /// <summary>Dispatches one partition; returns how many rows were delivered. Concurrent callers on this instance share runs.</summary>
    public Task<int> DispatchAsync(OutboxPartition partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        return _runs.RunAsync(partition.Key, () => RunAsync(partition)).WaitAsync(cancellationToken);
    }

    private async Task<int> RunAsync(OutboxPartition partition)
    {
        var total = 0;
        while (true)
        {
            var (delivered, again) = await PassAsync(partition);
            total += delivered;
            if (!again)
            {
                return total;
            }
        }
    }

    private async Task<(int Delivered, bool Again)> PassAsync(OutboxPartition partition)
    {
        var claim = await OutboxStore.ClaimAsync(partition, time, options.Value.ClaimDuration, 100);
        if (claim.Lost)
        {
            Log.ClaimLost(logger, partition.Key);
        }

        if (claim.Rows.Count == 0)
        {
            // None, or another dispatcher holds the head (or claimed first): it delivers in order and reads the partition again after.
            return (0, false);
        }

        var known = await states.ReadAllAsync(CancellationToken.None);
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var done = new List<(OutboxRow Row, OutboxBatch Batch, HashSet<string> Delivered, List<string> Skipped)>();
        var left = new List<(OutboxRow Row, HashSet<string> Delivered)>();
        foreach (var row in claim.Rows)
        {
            var batch = row.Batch;
            var delivered = new HashSet<string>(row.Delivered, StringComparer.Ordinal);
            var skipped = new List<string>();
            var complete = true;
            if (batch.Sends.Count > 0 && !delivered.Contains(InternalQueues))
            {
                complete = !blocked.Contains(InternalQueues) && await TrySendQueuesAsync(batch.Sends, partition, blocked);
                if (complete)
                {
                    delivered.Add(InternalQueues);
                }
            }

            foreach (var destination in _destinations)
            {
                var events = batch.Events.Where(e => destination.Accepts(e.Type)).ToList();
                if (events.Count == 0 || delivered.Contains(destination.Name))
                {
                    continue;
                }

                var state = known.GetValueOrDefault(destination.Name) ?? new DestinationState(destination.Name);
                if (state.Paused)
                {
                    skipped.Add(destination.Name);
                    continue;
                }

                if (blocked.Contains(destination.Name) || state.NextAttemptAt > time.GetUtcNow())
                {
                    blocked.Add(destination.Name);
                    complete = false;
                    continue;
                }

                try
                {
                    await destination.SendAsync(events, CancellationToken.None);
                    delivered.Add(destination.Name);
                    if (state.ConsecutiveFailures > 0)
                    {
                        known[destination.Name] = await states.SucceededAsync(state, CancellationToken.None);
                        Log.DestinationRecovered(logger, destination.Name, state.ConsecutiveFailures);
                    }
                }
#pragma warning disable CA1031 // Any failure of a destination is recorded, retried with backoff and shown; it must not stop the others.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    blocked.Add(destination.Name);
                    complete = false;
                    var failed = await states.FailedAsync(state, destination.Pausable, e.Message, CancellationToken.None);
                    known[destination.Name] = failed;
                    Log.DestinationFailed(logger, destination.Name, partition.Key, failed.ConsecutiveFailures, e.Message);
                    if (failed.Paused)
                    {
                        Log.DestinationPaused(logger, destination.Name, failed.ConsecutiveFailures);
                    }
                }
            }

            if (complete)
            {
                done.Add((row, batch, delivered, skipped));
            }
            else
            {
                left.Add((row, delivered));
            }
        }

        if (done.Count > 0)
        {
            var deliveredAt = time.GetUtcNow();
            await journal.RecordAsync(
                done.SelectMany(d => d.Batch.Events.Select(e => new SentEvent(
                    e.Id, e.Type, e.Subject, e.Time, e.Data, deliveredAt,
                    _destinations.Where(x => x.Accepts(e.Type) && d.Delivered.Contains(x.Name)).Select(x => x.Name).ToList(),
                    _destinations.Where(x => x.Accepts(e.Type) && d.Skipped.Contains(x.Name)).Select(x => x.Name).ToList()))).ToList(),
                CancellationToken.None);
            await OutboxStore.DeleteAsync(partition, done.Select(d => d.Row.RowKey));
            Log.Delivered(logger, done.Sum(d => d.Batch.Events.Count), done.Count, partition.Key);
        }

        if (left.Count > 0)
        {
            // Released at once (the backoff is per destination), keeping who took each row so it is not sent there again.
            var release = time.GetUtcNow();
            await OutboxStore.ReleaseAsync(partition, left.Select(l => l.Row with { Delivered = l.Delivered }), release);
        }

        return (done.Count, left.Count == 0);
    }

    private async Task<bool> TrySendQueuesAsync(IReadOnlyList<QueueSend> sends, OutboxPartition partition, HashSet<string> blocked)
    {
        try
        {
            await Task.WhenAll(sends.Select(queues.SendAsync));
            return true;
        }
        catch (StorageException e)
        {
            blocked.Add(InternalQueues);
            Log.DestinationFailed(logger, InternalQueues, partition.Key, 1, e.Message);
            return false;
        }
    }
}
