namespace Omnichannel.Durable.Model;

/// <summary>What a history event records.</summary>
public enum HistoryEventKind
{
    ExecutionStarted,
    OrchestratorStarted,
    TaskScheduled,
    TaskCompleted,
    TaskFailed,
    TimerCreated,
    TimerFired,
    SubOrchestrationCreated,
    SubOrchestrationCompleted,
    SubOrchestrationFailed,
    EventRaised,
    ExecutionSuspended,
    ExecutionResumed,
    ExecutionTerminated,
    ExecutionRewound,
    ExecutionCompleted,
}

/// <summary>
/// One recorded step of an instance. Replay feeds these to the orchestrator in order; the fields used
/// depend on <see cref="Kind"/>. <see cref="TaskId"/> is the step's sequence number for scheduling events
/// and the step it answers for completions. Payloads are JSON text.
/// </summary>
public sealed record HistoryEvent(HistoryEventKind Kind, DateTimeOffset Timestamp)
{
    public int? TaskId { get; init; }

    /// <summary>Activity, orchestrator, timer purpose or event name.</summary>
    public string? Name { get; init; }

    public string? Input { get; init; }

    public string? Result { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public DateTimeOffset? FireAt { get; init; }

    /// <summary>The child instance of a sub-orchestration.</summary>
    public string? InstanceId { get; init; }

    public string? ExecutionId { get; init; }

    /// <summary>The message that brought the event, so a redelivered message is applied once.</summary>
    public string? MessageId { get; init; }

    public string? Reason { get; init; }

    public OrchestrationRuntimeStatus? Status { get; init; }

    /// <summary>For a retried activity: the task id of its first attempt, the stable step of its idempotency key.</summary>
    public int? StepId { get; init; }

    /// <summary>True for a scheduling event that answers itself (an activity, timer or child).</summary>
    internal bool IsScheduling => Kind is HistoryEventKind.TaskScheduled or HistoryEventKind.TimerCreated or HistoryEventKind.SubOrchestrationCreated;

    /// <summary>True for an event that completes a scheduled step.</summary>
    internal bool IsCompletion => Kind is HistoryEventKind.TaskCompleted or HistoryEventKind.TaskFailed or HistoryEventKind.TimerFired
        or HistoryEventKind.SubOrchestrationCompleted or HistoryEventKind.SubOrchestrationFailed;
}
