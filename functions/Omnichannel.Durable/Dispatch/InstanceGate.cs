namespace Omnichannel.Durable.Dispatch;

/// <summary>
/// One episode per instance at a time within a host: work for a busy instance runs after the current
/// episode. Across hosts the instance row's ETag decides.
/// </summary>
internal sealed class InstanceGate
{
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task RunAsync(string instanceId, Func<Task> work)
    {
        lock (_lock)
        {
            var previous = _tails.GetValueOrDefault(instanceId) ?? Task.CompletedTask;
            var next = AfterAsync(previous, work);
            _tails[instanceId] = next;
            _ = next.ContinueWith(
                _ =>
                {
                    lock (_lock)
                    {
                        if (_tails.TryGetValue(instanceId, out var tail) && tail == next)
                        {
                            _tails.Remove(instanceId);
                        }
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return next;
        }
    }

    private static async Task AfterAsync(Task previous, Func<Task> work)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await work();
    }
}
