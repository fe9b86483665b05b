namespace Omnichannel.Ledger.Stock;

/// <summary>
/// Group commit per SKU on this instance: movements of one SKU queue up while a write is in flight and the
/// next write takes up to <see cref="MaxGroup"/> of them in one entity-group transaction. A hot SKU then
/// costs two storage requests per group instead of two per movement (plus a 412 storm). Correctness never
/// depends on it: across instances the ETag check does that.
/// </summary>
internal sealed class GroupCommit(Func<IReadOnlyList<MovementCommand>, Task<IReadOnlyList<Committed>>> commit)
{
    /// <summary>24 movements write at most 48 rows, 48 balances, the head and one outbox row: under the 100-operation limit of a transaction.</summary>
    public const int MaxGroup = 24;

    private readonly Dictionary<string, Queue<Pending>> _queues = new(StringComparer.Ordinal);

    public Task<Committed> SubmitAsync(MovementCommand command, CancellationToken cancellationToken)
    {
        var pending = new Pending(command, new TaskCompletionSource<Committed>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool lead;
        lock (_queues)
        {
            lead = !_queues.TryGetValue(command.Sku, out var queue);
            if (lead)
            {
                _queues[command.Sku] = queue = new Queue<Pending>();
            }

            queue!.Enqueue(pending);
        }

        if (lead)
        {
            // The drain outlives any one caller: a caller that gives up still gets its movement written (or not),
            // and a retry with its idempotency key finds out which.
            _ = Task.Run(() => DrainAsync(command.Sku), CancellationToken.None);
        }

        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync(string sku)
    {
        while (true)
        {
            var group = new List<Pending>();
            lock (_queues)
            {
                var queue = _queues[sku];
                if (queue.Count == 0)
                {
                    _queues.Remove(sku);
                    return;
                }

                // A key repeated inside one group would collide with itself: it waits for the next group.
                var keys = new HashSet<string>(StringComparer.Ordinal);
                while (queue.Count > 0 && group.Count < MaxGroup && keys.Add(queue.Peek().Command.IdempotencyKey))
                {
                    group.Add(queue.Dequeue());
                }
            }

            try
            {
                var results = await commit(group.Select(p => p.Command).ToList());
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Result.TrySetResult(results[i]);
                }
            }
#pragma warning disable CA1031 // Every failure goes back to the callers that wait for this group.
            catch (Exception e)
#pragma warning restore CA1031
            {
                foreach (var p in group)
                {
                    p.Result.TrySetException(e);
                }
            }
        }
    }

    private sealed record Pending(MovementCommand Command, TaskCompletionSource<Committed> Result);
}
