using Omnichannel.Durable.Model;

namespace Omnichannel.Orders.Http;

/// <summary>One line of an order's timeline, read from the flow's history.</summary>
/// <param name="At">When.</param>
/// <param name="What">started, completed, failed, waiting, timer, event, flow-started, flow-ended, rewound, ...</param>
/// <param name="Step">Activity or event name.</param>
/// <param name="Attempt">For activities: 1 for the first attempt, 2 for the first retry, ...</param>
/// <param name="Detail">Error, timer due time or outcome.</param>
public sealed record TimelineEntry(DateTimeOffset At, string What, string? Step = null, int? Attempt = null, string? Detail = null)
{
    public static IReadOnlyList<TimelineEntry> From(IReadOnlyList<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var names = new Dictionary<int, string>();
        var attempts = new Dictionary<int, int>();
        var entries = new List<TimelineEntry>();
        foreach (var e in history)
        {
            var step = e.TaskId is { } id && names.TryGetValue(id, out var n) ? n : e.Name;
            var entry = e.Kind switch
            {
                HistoryEventKind.ExecutionStarted => new TimelineEntry(e.Timestamp, "flow-started"),
                HistoryEventKind.TaskScheduled => Scheduled(e, names, attempts),
                HistoryEventKind.TaskCompleted => new TimelineEntry(e.Timestamp, "completed", step, AttemptOf(e, attempts), Outcome(e.Result)),
                HistoryEventKind.TaskFailed => new TimelineEntry(e.Timestamp, "failed", step, AttemptOf(e, attempts), e.Failure is { } f ? OrderSummary.Describe(f) : null),
                HistoryEventKind.TimerCreated => Timer(e, names),
                HistoryEventKind.TimerFired => new TimelineEntry(e.Timestamp, "timer-fired", step),
                HistoryEventKind.EventRaised => new TimelineEntry(e.Timestamp, "event", e.Name),
                HistoryEventKind.ExecutionRewound => new TimelineEntry(e.Timestamp, "rewound", null, null, e.Reason),
                HistoryEventKind.ExecutionTerminated => new TimelineEntry(e.Timestamp, "terminated", null, null, e.Reason),
                HistoryEventKind.ExecutionSuspended => new TimelineEntry(e.Timestamp, "suspended", null, null, e.Reason),
                HistoryEventKind.ExecutionResumed => new TimelineEntry(e.Timestamp, "resumed", null, null, e.Reason),
                HistoryEventKind.ExecutionCompleted => new TimelineEntry(e.Timestamp, "flow-ended", null, null, e.Failure is { } f ? $"{e.Status}: {OrderSummary.Describe(f)}" : e.Status?.ToString()),
                _ => null,
            };
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static TimelineEntry Scheduled(HistoryEvent e, Dictionary<int, string> names, Dictionary<int, int> attempts)
    {
        var id = e.TaskId ?? -1;
        names[id] = e.Name ?? "?";
        var stepId = e.StepId ?? id;
        attempts[stepId] = attempts.GetValueOrDefault(stepId) + 1;
        attempts[-id - 1] = attempts[stepId];
        return new TimelineEntry(e.Timestamp, "started", e.Name, attempts[stepId]);
    }

    /// <summary>Steps that answer a sentence (e.g. "not reported: ...") show it; structured results stay out of the timeline.</summary>
    private static string? Outcome(string? result) =>
        result is ['"', ..] ? DurableJson.Deserialize<string>(result) : null;

    private static int? AttemptOf(HistoryEvent e, Dictionary<int, int> attempts) =>
        e.TaskId is { } id && attempts.TryGetValue(-id - 1, out var a) ? a : null;

    private static TimelineEntry Timer(HistoryEvent e, Dictionary<int, string> names)
    {
        names[e.TaskId ?? -1] = "timer";
        return new TimelineEntry(e.Timestamp, "timer", "timer", null, e.FireAt is { } at ? $"due {at:O}" : null);
    }
}
