using System.Diagnostics;

namespace Omnichannel.Hosting.Diagnostics;

/// <summary>
/// The hub's trace: one <see cref="ActivitySource"/> for the spans the hub opens itself, and the hand-over of a
/// trace across a storage queue (which carries no trace context of its own), so a webhook, the order flow it
/// starts and the channel calls of that flow are one trace in Application Insights.
/// </summary>
public static class HubTracing
{
    /// <summary>The hub's activity source and meter name.</summary>
    public const string SourceName = "Omnichannel.Hub";

    /// <summary>The Durable Task Framework's source: the local host's engine opens the orchestration and activity spans there.</summary>
    public const string DurableSourceName = "DurableTask.Core";

    // An ActivitySource is meant to be created once per process and shared (its listeners are global anyway).
    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The W3C <c>traceparent</c> of the current span, to put in a message that another function picks up.</summary>
    public static string? CurrentTraceParent() => Activity.Current?.Id;

    /// <summary>
    /// Opens a consumer span for a message that carried <paramref name="traceParent"/>, as a child of the span that
    /// sent it; null when nothing listens (no telemetry configured). A missing or malformed value starts a new trace.
    /// </summary>
    public static Activity? StartConsumer(string name, string? traceParent) =>
        ActivityContext.TryParse(traceParent, traceState: null, isRemote: true, out var parent)
            ? Source.StartActivity(name, ActivityKind.Consumer, parent)
            : Source.StartActivity(name, ActivityKind.Consumer);
}
