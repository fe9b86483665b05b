namespace Omnichannel.Storage.Connection;

/// <summary>
/// Creates a feature's tables, queues and containers once per instance, on first use: every caller awaits the same
/// attempt, and an attempt that failed or was cancelled is made again by the next caller.
/// </summary>
public sealed class CreateOnce(Func<Task> create)
{
    private readonly Lock _gate = new();
    private Task? _created;

    public Task EnsureAsync()
    {
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = create();
            }

            return _created;
        }
    }
}
