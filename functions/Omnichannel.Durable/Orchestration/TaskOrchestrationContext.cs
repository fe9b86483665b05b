using Microsoft.Extensions.Logging;

namespace Omnichannel.Durable.Orchestration;

/// <summary>
/// What an orchestrator sees, shaped like durabletask-dotnet's context. Every method is answered from the
/// recorded history on replay, so the code must call them in the same order each time.
/// </summary>
public abstract class TaskOrchestrationContext
{
    public abstract string Name { get; }

    public abstract string InstanceId { get; }

    /// <summary>The current run; a new one starts on ContinueAsNew and restart.</summary>
    public abstract string ExecutionId { get; }

    /// <summary>True while the code re-runs recorded steps: filter side effects such as logs with it.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The orchestration's clock: the time the current episode started, the same on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    public abstract T? GetInput<T>();

    public abstract Task<T> CallActivityAsync<T>(string name, object? input = null, TaskOptions? options = null);

    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>A durable timer; any length (timers over the queue's 7-day limit re-arm).</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) => CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>The next event of that name; events raised before the wait are kept and delivered in order.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>The next event of that name, or <see cref="TimeoutException"/> when a durable timer fires first.</summary>
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource();
        var received = WaitForExternalEvent<T>(eventName, cancel.Token);
        var timer = CreateTimer(timeout, cancel.Token);
        var first = await Task.WhenAny(received, timer);

        // Cancel synchronously: CancelAsync would run the callbacks on the thread pool, outside the replay.
#pragma warning disable CA1849
        cancel.Cancel();
#pragma warning restore CA1849
        if (first == received)
        {
            return await received;
        }

        throw new TimeoutException($"Event '{eventName}' was not received within {timeout}.");
    }

    public abstract Task<T> CallSubOrchestratorAsync<T>(string orchestratorName, object? input = null, SubOrchestrationOptions? options = null);

    public Task CallSubOrchestratorAsync(string orchestratorName, object? input = null, SubOrchestrationOptions? options = null) =>
        CallSubOrchestratorAsync<object?>(orchestratorName, input, options);

    /// <summary>Shown in status queries; JSON-serialised.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Ends this run when the orchestrator returns and starts a new one with <paramref name="newInput"/> and a fresh history.</summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A GUID that is the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that stays silent while the code replays.</summary>
    public ILogger CreateReplaySafeLogger(ILogger logger) => new ReplaySafeLogger(this, logger);

    private sealed class ReplaySafeLogger(TaskOrchestrationContext context, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
