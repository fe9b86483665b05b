using System.Collections.Concurrent;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Storage;

namespace Omnichannel.Durable.Dispatch;

/// <summary>
/// In-process shortcuts around polling: a send to a queue wakes that queue's listener at once, and a
/// checkpoint wakes whoever waits for that instance. Other hosts still find the work by polling.
/// </summary>
internal sealed class WakeSignals(int partitionCount)
{
    private readonly SemaphoreSlim[] _queues = Enumerable.Range(0, partitionCount + 1).Select(_ => new SemaphoreSlim(0, 1)).ToArray();
    private const int MaxEnded = 10_000;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InstanceState> _ended = new(StringComparer.Ordinal);

    /// <summary>Index of the work-item queue's signal.</summary>
    public int WorkItems => partitionCount;

    public void Wake(int queue)
    {
        try
        {
            _queues[queue].Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers any number of sends.
        }
    }

    /// <summary>Waits for a wake-up or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(int queue, TimeSpan timeout, CancellationToken cancellationToken) =>
        await _queues[queue].WaitAsync(timeout, cancellationToken);

    /// <summary>A checkpoint of an instance in this process; ended instances are remembered so local waiters need no read.</summary>
    public void InstanceChanged(string instanceId, InstanceState state)
    {
        if (state.Status.IsTerminal())
        {
            if (_ended.Count >= MaxEnded)
            {
                _ended.Clear();
            }

            _ended[instanceId] = state;
        }
        else
        {
            _ended.TryRemove(instanceId, out _);
        }

        if (_instances.TryRemove(instanceId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>The instance as it ended, when it ended in this process and has not changed here since.</summary>
    public InstanceState? Ended(string instanceId) => _ended.GetValueOrDefault(instanceId);

    /// <summary>Forgets an ended instance that this process is about to change (restart, rewind).</summary>
    public void Forget(string instanceId) => _ended.TryRemove(instanceId, out _);

    /// <summary>Completes at the next checkpoint of the instance in this process.</summary>
    public Task NextChangeAsync(string instanceId) =>
        _instances.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
}
