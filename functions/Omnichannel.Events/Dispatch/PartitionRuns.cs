namespace Omnichannel.Events.Dispatch;

/// <summary>
/// One dispatch at a time per partition on this instance: a caller that comes while a run is in flight waits for
/// the next run (which starts after the current one and so sees what the caller committed); callers that come
/// together share it. The runs outlive any one caller: a caller that gives up does not stop a delivery midway.
/// </summary>
internal sealed class PartitionRuns
{
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    public Task<int> RunAsync(string key, Func<Task<int>> run)
    {
        TaskCompletionSource<int> waiting;
        Slot? started = null;
        lock (_slots)
        {
            if (!_slots.TryGetValue(key, out var slot))
            {
                _slots[key] = started = slot = new Slot();
            }

            waiting = slot.Next ??= new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (started is not null)
        {
            _ = Task.Run(() => DrainAsync(key, run, started), CancellationToken.None);
        }

        return waiting.Task;
    }

    private async Task DrainAsync(string key, Func<Task<int>> run, Slot slot)
    {
        while (true)
        {
            TaskCompletionSource<int> current;
            lock (_slots)
            {
                if (slot.Next is null)
                {
                    _slots.Remove(key);
                    return;
                }

                current = slot.Next;
                slot.Next = null;
            }

            try
            {
                current.TrySetResult(await run());
            }
#pragma warning disable CA1031 // Every failure goes back to the callers that wait for this run.
            catch (Exception e)
#pragma warning restore CA1031
            {
                current.TrySetException(e);
            }
        }
    }

    private sealed class Slot
    {
        public TaskCompletionSource<int>? Next { get; set; }
    }
}
