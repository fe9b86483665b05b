using System.Security.Cryptography;
using System.Text;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Storage;

namespace Omnichannel.Durable.Dispatch;

/// <summary>
/// Messages an episode sends. They go out before its checkpoint: if the checkpoint then fails, the
/// receivers drop them as duplicates or stale (they answer steps the winning history did not schedule or
/// already answered), whereas sending after the checkpoint could lose them in a crash.
/// </summary>
internal sealed class Outbox(WorkQueues queues, TimeSpan maxTimerVisibility)
{
    private readonly List<(WorkMessage Message, TimeSpan Delay, bool WorkItem)> _messages = [];

    public int Count => _messages.Count;

    public void Activity(InstanceState state, HistoryEvent step) =>
        _messages.Add((WorkMessage.For(state.InstanceId, state.ExecutionId, step), TimeSpan.Zero, true));

    public void Timer(InstanceState state, HistoryEvent step, DateTimeOffset now)
    {
        var fired = new HistoryEvent(HistoryEventKind.TimerFired, step.FireAt!.Value) { TaskId = step.TaskId, FireAt = step.FireAt };
        _messages.Add((WorkMessage.For(state.InstanceId, state.ExecutionId, fired), TimerDelay(step.FireAt.Value, now, maxTimerVisibility), false));
    }

    public void StartChild(InstanceState state, HistoryEvent step)
    {
        var start = new HistoryEvent(HistoryEventKind.ExecutionStarted, step.Timestamp)
        {
            Name = step.Name,
            Input = step.Input,
            InstanceId = state.InstanceId,
            ExecutionId = state.ExecutionId,
            TaskId = step.TaskId,
        };
        _messages.Add((WorkMessage.For(step.InstanceId!, ChildExecutionId(state.ExecutionId, step.TaskId!.Value), start), TimeSpan.Zero, false));
    }

    public void Send(string instanceId, string? executionId, HistoryEvent e) =>
        _messages.Add((WorkMessage.For(instanceId, executionId, e), TimeSpan.Zero, false));

    /// <summary>Tells the parent, if any, how this instance ended.</summary>
    public void NotifyParent(InstanceState state, DateTimeOffset now)
    {
        if (state.ParentInstanceId is null || state.ParentTaskId is null)
        {
            return;
        }

        var e = state.Status == OrchestrationRuntimeStatus.Completed
            ? new HistoryEvent(HistoryEventKind.SubOrchestrationCompleted, now) { TaskId = state.ParentTaskId, Result = state.Output }
            : new HistoryEvent(HistoryEventKind.SubOrchestrationFailed, now)
            {
                TaskId = state.ParentTaskId,
                Failure = state.Failure ?? new TaskFailureDetails("Terminated", $"Sub-orchestration '{state.InstanceId}' was terminated."),
            };
        Send(state.ParentInstanceId, state.ParentExecutionId, e);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_messages.Select(m => m.WorkItem
            ? queues.SendWorkItemAsync(m.Message, cancellationToken)
            : queues.SendAsync(m.Message, m.Delay, cancellationToken)));
        _messages.Clear();
    }

    /// <summary>How long a timer message stays hidden: until due, but at most the cap (queues allow 7 days).</summary>
    public static TimeSpan TimerDelay(DateTimeOffset fireAt, DateTimeOffset now, TimeSpan cap)
    {
        var remaining = fireAt - now;
        return remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining < cap ? remaining : cap;
    }

    /// <summary>The same for every replay of the parent, so a duplicate start message is recognised.</summary>
    private static string ChildExecutionId(string parentExecutionId, int taskId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{parentExecutionId}:{taskId}")).AsSpan(0, 16)).ToLowerInvariant();
}
