using Azure;
using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Storage;

/// <summary>
/// An instance as loaded from its table partition: the instance row and the history of its current run.
/// Payload fields hold their stored form (the value, or a blob reference) until someone needs the value.
/// </summary>
internal sealed class InstanceState
{
    public required string InstanceId { get; init; }

    public required string Name { get; set; }

    public required string ExecutionId { get; set; }

    public OrchestrationRuntimeStatus Status { get; set; } = OrchestrationRuntimeStatus.Pending;

    public string? Input { get; set; }

    public string? Output { get; set; }

    public string? CustomStatus { get; set; }

    public DateTimeOffset CreatedTime { get; set; }

    public DateTimeOffset LastUpdatedTime { get; set; }

    public DateTimeOffset? CompletedTime { get; set; }

    public TaskFailureDetails? Failure { get; set; }

    public IReadOnlyDictionary<string, string>? Tags { get; set; }

    public string? ParentInstanceId { get; set; }

    public string? ParentExecutionId { get; set; }

    public int? ParentTaskId { get; set; }

    /// <summary>Sequence number of the next history row; never reused, so old rows never collide with new ones.</summary>
    public int NextChunk { get; set; }

    /// <summary>First history row of the current history; older rows belong to earlier runs or a rewritten history.</summary>
    public int FirstChunk { get; set; }

    /// <summary>The instance row's ETag; null while the row does not exist yet.</summary>
    public ETag? ETag { get; set; }

    public List<HistoryEvent> History { get; set; } = [];

    /// <summary>History rows of this run.</summary>
    public List<string> CurrentChunks { get; } = [];

    /// <summary>History rows of earlier runs or rewritten histories (ContinueAsNew, restart, rewind), deleted by the next checkpoints.</summary>
    public List<string> StaleChunks { get; } = [];

    /// <summary>Starts a new history: the current rows become stale and the next checkpoint writes the whole history.</summary>
    public void RewriteHistory(List<HistoryEvent> history)
    {
        StaleChunks.AddRange(CurrentChunks);
        CurrentChunks.Clear();
        FirstChunk = NextChunk;
        History = history;
    }
}
