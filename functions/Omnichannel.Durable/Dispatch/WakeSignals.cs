using System.Collections.Concurrent;

namespace Omnichannel.Durable.Dispatch;

/// <summary>
/// In-process shortcuts around polling: a send to a queue wakes that queue's listener at once, and a
/// checkpoint wakes whoever waits for that instance. Other hosts still find the work by polling.
/// </summary>
internal sealed class WakeSignals(int partitionCount)
{
    private readonly SemaphoreSlim[] _queues = Enumerable.Range(0, partitionCount + 1).Select(_ => new SemaphoreSlim(0, 1)).ToArray();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _instances = new(StringComparer.Ordinal);

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

    public void InstanceChanged(string instanceId)
    {
        if (_instances.TryRemove(instanceId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>Completes at the next checkpoint of the instance in this process.</summary>
    public Task NextChangeAsync(string instanceId) =>
        _instances.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
}
