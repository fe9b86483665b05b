namespace Omnichannel.Durable.Orchestration;

/// <summary>
/// Runs orchestrator continuations on the replaying thread, one at a time, in the order they were posted.
/// That ordering is what makes replay deterministic: a completion fed from history resumes exactly the code
/// it resumed the first time, before the next event is applied.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _work = new();
    private readonly Lock _lock = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_lock)
        {
            _work.Enqueue((d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="action"/> and every continuation it leads to, with this context current.</summary>
    public void Run(Action action)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            action();
            while (TryTake(out var item))
            {
                item.Callback(item.State);
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    private bool TryTake(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_lock)
        {
            return _work.TryDequeue(out item);
        }
    }
}
