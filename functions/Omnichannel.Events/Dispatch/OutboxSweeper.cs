using Microsoft.Extensions.Logging;
using Omnichannel.Events.Outbox;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Events.Dispatch;

/// <summary>
/// Finds every partition of every registered <see cref="OutboxSource"/> that still has outbox rows (what a crash
/// after a commit, a lost claim or a destination in backoff left) and dispatches it. Delivered rows are deleted,
/// so the query returns only what is pending; on Azure it still scans the table's partitions (RowKey range, no
/// PartitionKey), once per sweep, never per movement.
/// </summary>
public sealed class OutboxSweeper(IEnumerable<OutboxSource> sources, OutboxDispatcher dispatcher, ILogger<OutboxSweeper> logger)
{
    /// <summary>Dispatches every pending partition; returns how many rows were delivered.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var source in sources.DistinctBy(s => (s.Name, s.Table.Name)))
        {
            var partitions = await OutboxStore.PendingPartitionsAsync(source, cancellationToken);
            foreach (var pk in partitions)
            {
                try
                {
                    delivered += await dispatcher.DispatchAsync(new OutboxPartition(source, pk), cancellationToken);
                }
                catch (StorageException e)
                {
                    // One partition's storage trouble must not stop the others; the next sweep tries again.
                    Log.SweepPartitionFailed(logger, source.Name, pk, e.Message);
                }
            }
        }

        return delivered;
    }
}
