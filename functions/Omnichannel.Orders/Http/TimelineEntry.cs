using System.Text.Json;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary>One line of an order's timeline, read from the flow's history (or, where the engine serves none, derived from the order store).</summary>
/// <param name="At">When.</param>
/// <param name="What">started, completed, failed, timer, timer-fired, event, flow-started, flow-ended, rewound, ...</param>
/// <param name="Step">Activity or event name.</param>
/// <param name="Attempt">For activities: 1 for the first attempt, 2 for the first retry, ...</param>
/// <param name="Detail">Error, timer due time or outcome.</param>
/// <param name="By">For <c>action</c> lines (an operations command): who sent it.</param>
public sealed record TimelineEntry(DateTimeOffset At, string What, string? Step = null, int? Attempt = null, string? Detail = null, string? By = null)
{
    /// <summary>
    /// The timeline of a Durable Task history (<see cref="DurableTaskClient.GetOrchestrationHistoryAsync"/>). A
    /// retry of a step is a new scheduled task in the history, so its attempt is counted: a step scheduled
    /// again after its last try failed is the next attempt, otherwise attempt 1.
    /// </summary>
    public static IReadOnlyList<TimelineEntry> From(IEnumerable<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var names = new Dictionary<int, string>();
        var attemptOf = new Dictionary<int, int>();
        var lastAttempt = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastFailed = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<TimelineEntry>();
        foreach (var e in history)
        {
            var at = new DateTimeOffset(DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc));
            TimelineEntry? entry = null;
            switch (e)
            {
                case ExecutionStartedEvent:
                    entry = new(at, "flow-started");
                    break;
                case TaskScheduledEvent s:
                    var name = s.Name ?? "?";
                    var attempt = lastFailed.Contains(name) ? lastAttempt.GetValueOrDefault(name) + 1 : 1;
                    names[s.EventId] = name;
                    attemptOf[s.EventId] = lastAttempt[name] = attempt;
                    entry = new(at, "started", name, attempt);
                    break;
                case TaskCompletedEvent c:
                    lastFailed.Remove(names.GetValueOrDefault(c.TaskScheduledId, "?"));
                    entry = new(at, "completed", names.GetValueOrDefault(c.TaskScheduledId), AttemptOf(attemptOf, c.TaskScheduledId), Outcome(c.Result));
                    break;
                case TaskFailedEvent f:
                    lastFailed.Add(names.GetValueOrDefault(f.TaskScheduledId, "?"));
                    entry = new(at, "failed", names.GetValueOrDefault(f.TaskScheduledId), AttemptOf(attemptOf, f.TaskScheduledId), Describe(f.FailureDetails) ?? f.Reason);
                    break;
                case TimerCreatedEvent t:
                    names[t.EventId] = "timer";
                    entry = new(at, "timer", "timer", null, $"due {new DateTimeOffset(DateTime.SpecifyKind(t.FireAt, DateTimeKind.Utc)):O}");
                    break;
                case TimerFiredEvent:
                    entry = new(at, "timer-fired", "timer");
                    break;
                case EventRaisedEvent r:
                    entry = new(at, "event", r.Name);
                    break;
                case ExecutionRewoundEvent w:
                    entry = new(at, "rewound", null, null, w.Reason);
                    break;
                case ExecutionTerminatedEvent x:
                    entry = new(at, "terminated", null, null, Outcome(x.Input) ?? x.Input);
                    break;
                case ExecutionSuspendedEvent p:
                    entry = new(at, "suspended", null, null, p.Reason);
                    break;
                case ExecutionResumedEvent r:
                    entry = new(at, "resumed", null, null, r.Reason);
                    break;
                case ExecutionCompletedEvent d:
                    entry = new(at, "flow-ended", null, null, Describe(d.FailureDetails) is { } why ? $"{d.OrchestrationStatus}: {why}" : d.OrchestrationStatus.ToString());
                    break;
            }

            if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>
    /// The timeline where the engine serves no history: what the order store recorded (received, fulfilment
    /// requested, shipped) and the instance's start and end. Same shape, fewer lines (no attempts, timers or events).
    /// </summary>
    public static IReadOnlyList<TimelineEntry> Derive(StoredOrder? stored, OrchestrationMetadata? instance)
    {
        var entries = new List<TimelineEntry>();
        if (instance is not null)
        {
            entries.Add(new(instance.CreatedAt, "flow-started"));
        }

        if (stored is not null)
        {
            entries.Add(new(stored.ReceivedAt, "completed", "ReceiveOrder"));
            entries.AddRange(stored.Fulfilment.Select(f => new TimelineEntry(f.RequestedAt, "completed", "RequestFulfilment", null, $"{f.Mode} at {f.Location}")));
            if (stored.Shipped.Count > 0)
            {
                var where = string.Join(", ", stored.Shipped.Select(a => a.Location).Distinct(StringComparer.Ordinal));
                entries.Add(new(instance?.LastUpdatedAt ?? stored.UpdatedAt ?? stored.ReceivedAt, "completed", "ShipStock", null, $"shipped from {where}"));
            }
        }

        if (instance is { IsCompleted: true })
        {
            entries.Add(new(instance.LastUpdatedAt, "flow-ended", null, null, instance.RuntimeStatus.ToString()));
        }

        return entries.OrderBy(e => e.At).ToList();
    }

    private static int? AttemptOf(Dictionary<int, int> attempts, int scheduledId) => attempts.TryGetValue(scheduledId, out var a) ? a : null;

    /// <summary>Steps that answer a sentence (e.g. "not reported: ...") show it; structured results stay out of the timeline.</summary>
    private static string? Outcome(string? result) =>
        result is ['"', ..] ? JsonSerializer.Deserialize<string>(result) : null;

    private static string? Describe(DurableTask.Core.FailureDetails? failure)
    {
        if (failure is null)
        {
            return null;
        }

        var cause = failure;
        while (cause.InnerFailure is { } inner)
        {
            cause = inner;
        }

        return ReferenceEquals(cause, failure) ? $"{failure.ErrorType}: {failure.ErrorMessage}" : $"{failure.ErrorMessage} (cause {cause.ErrorType}: {cause.ErrorMessage})";
    }
}
