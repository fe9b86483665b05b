using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Dispatch;

/// <summary>
/// A queue message: one history event for an instance (control queues) or one activity to run (work-item
/// queue, <see cref="Event"/> is its TaskScheduled event). <see cref="Id"/> is ours, stable across
/// redeliveries, so a duplicate is recognised.
/// </summary>
internal sealed record WorkMessage
{
    public required string Id { get; init; }

    public required string InstanceId { get; init; }

    /// <summary>The run the message belongs to; null for messages to whatever run is current (raised events, operations).</summary>
    public string? ExecutionId { get; init; }

    public required HistoryEvent Event { get; init; }

    /// <summary>Sent again by an operator from quarantine.</summary>
    public bool Requeued { get; init; }

    /// <summary>
    /// On a client's start message: the instance row exactly as the client inserted it, with its ETag, so the
    /// first episode needs no read. The ETag still guards the checkpoint; any change since means a normal load.
    /// </summary>
    public StartSnapshot? Snapshot { get; init; }

    public static WorkMessage For(string instanceId, string? executionId, HistoryEvent e) =>
        new() { Id = Guid.NewGuid().ToString("N"), InstanceId = instanceId, ExecutionId = executionId, Event = e };
}

/// <summary>A freshly inserted instance row carried in its start message.</summary>
internal sealed record StartSnapshot(string Name, string? Input, string ETag, DateTimeOffset CreatedTime, IReadOnlyDictionary<string, string>? Tags);
