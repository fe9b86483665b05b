using Omnichannel.Durable.Model;
using Omnichannel.Durable.Storage;

namespace Omnichannel.Durable.Dispatch;

/// <summary>What a batch of messages does to an instance before its code runs.</summary>
internal sealed class IntakeResult
{
    public InstanceState? State { get; set; }

    /// <summary>Events to append to the history, in order.</summary>
    public List<HistoryEvent> NewEvents { get; } = [];

    /// <summary>Messages that cannot be applied yet (an event for a child not started yet).</summary>
    public List<WorkMessage> Deferred { get; } = [];

    public HistoryEvent? Terminate { get; set; }

    public HistoryEvent? Rewind { get; set; }

    /// <summary>The row changed without new events (suspend/resume, requeue after quarantine).</summary>
    public bool StatusChanged { get; set; }

    public bool HasWork => State is not null && (NewEvents.Count > 0 || Terminate is not null || Rewind is not null || StatusChanged);
}

/// <summary>
/// Decides, for each received message, whether it applies to the instance as loaded: duplicates (same message
/// or a step already answered) and stale messages (an earlier run, an unknown step) are dropped, so
/// at-least-once delivery never records anything twice.
/// </summary>
internal static class MessageIntake
{
    public static IntakeResult Apply(InstanceState? state, IEnumerable<WorkMessage> messages, DateTimeOffset now)
    {
        var result = new IntakeResult { State = state };
        foreach (var message in messages.OrderBy(m => m.Event.Kind == HistoryEventKind.ExecutionStarted ? 0 : 1))
        {
            var e = message.Event;
            var s = result.State;
            if (message.Requeued && s is { Status: OrchestrationRuntimeStatus.Failed, Failure.ErrorType: TaskFailureDetails.QuarantinedType })
            {
                // Failed only because this message was quarantined; an operator sent it back, so the instance runs on.
                s.Status = s.History.Any(h => h.Kind == HistoryEventKind.ExecutionStarted) ? OrchestrationRuntimeStatus.Running : OrchestrationRuntimeStatus.Pending;
                s.Failure = null;
                result.StatusChanged = true;
            }

            if (e.Kind == HistoryEventKind.ExecutionStarted)
            {
                Start(result, message, now);
                continue;
            }

            if (s is null)
            {
                if (e.Kind == HistoryEventKind.EventRaised)
                {
                    result.Deferred.Add(message);
                }

                continue;
            }

            if (s.Status == OrchestrationRuntimeStatus.Pending && !HasStarted(result))
            {
                Begin(result, s.Name, now);
            }

            ApplyOne(result, s, message);
        }

        return result;
    }

    private static void ApplyOne(IntakeResult result, InstanceState s, WorkMessage message)
    {
        var e = message.Event;
        var terminal = s.Status.IsTerminal();
        switch (e.Kind)
        {
            case HistoryEventKind.ExecutionTerminated when !terminal:
                result.Terminate ??= e;
                break;
            case HistoryEventKind.ExecutionSuspended when s.Status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending:
                s.Status = OrchestrationRuntimeStatus.Suspended;
                result.NewEvents.Add(e);
                break;
            case HistoryEventKind.ExecutionResumed when s.Status == OrchestrationRuntimeStatus.Suspended:
                s.Status = OrchestrationRuntimeStatus.Running;
                result.NewEvents.Add(e);
                break;
            case HistoryEventKind.ExecutionRewound when s.Status == OrchestrationRuntimeStatus.Failed:
                result.Rewind ??= e;
                break;
            case HistoryEventKind.EventRaised when !terminal && !Seen(result, e.MessageId):
                result.NewEvents.Add(e);
                break;
            case HistoryEventKind.TaskCompleted or HistoryEventKind.TaskFailed or HistoryEventKind.TimerFired
                or HistoryEventKind.SubOrchestrationCompleted or HistoryEventKind.SubOrchestrationFailed
                when !terminal && message.ExecutionId == s.ExecutionId && Answers(result, e):
                result.NewEvents.Add(e);
                break;
        }
    }

    private static void Start(IntakeResult result, WorkMessage message, DateTimeOffset now)
    {
        var e = message.Event;
        var s = result.State;
        if (s is not null && message.ExecutionId == s.ExecutionId)
        {
            if (!HasStarted(result) && !s.Status.IsTerminal())
            {
                Begin(result, s.Name, now);
            }

            return;
        }

        if (e.Name is null || message.ExecutionId is null || (s is not null && !s.Status.IsTerminal()))
        {
            return;
        }

        // A child started by its parent (no row yet), or started again after it ended.
        s ??= result.State = new InstanceState { InstanceId = message.InstanceId, Name = e.Name, ExecutionId = message.ExecutionId };
        s.RewriteHistory([]);
        s.Name = e.Name;
        s.ExecutionId = message.ExecutionId;
        s.Input = e.Input;
        s.Output = null;
        s.CustomStatus = null;
        s.Failure = null;
        s.CompletedTime = null;
        s.CreatedTime = now;
        s.ParentInstanceId = e.InstanceId;
        s.ParentExecutionId = e.ExecutionId;
        s.ParentTaskId = e.TaskId;
        Begin(result, e.Name, now);
    }

    private static void Begin(IntakeResult result, string name, DateTimeOffset now)
    {
        result.State!.Status = OrchestrationRuntimeStatus.Running;
        result.NewEvents.Add(new HistoryEvent(HistoryEventKind.ExecutionStarted, now) { Name = name });
    }

    private static bool HasStarted(IntakeResult result) =>
        result.State!.History.Concat(result.NewEvents).Any(e => e.Kind == HistoryEventKind.ExecutionStarted);

    private static bool Seen(IntakeResult result, string? messageId) =>
        messageId is not null && result.State!.History.Concat(result.NewEvents).Any(e => e.MessageId == messageId);

    /// <summary>True when the event answers a step the history scheduled and has not answered yet.</summary>
    private static bool Answers(IntakeResult result, HistoryEvent completion)
    {
        var expected = completion.Kind switch
        {
            HistoryEventKind.TimerFired => HistoryEventKind.TimerCreated,
            HistoryEventKind.SubOrchestrationCompleted or HistoryEventKind.SubOrchestrationFailed => HistoryEventKind.SubOrchestrationCreated,
            _ => HistoryEventKind.TaskScheduled,
        };
        var all = result.State!.History.Concat(result.NewEvents).ToList();
        return all.Any(e => e.Kind == expected && e.TaskId == completion.TaskId)
            && !all.Any(e => e.IsCompletion && e.TaskId == completion.TaskId);
    }
}
