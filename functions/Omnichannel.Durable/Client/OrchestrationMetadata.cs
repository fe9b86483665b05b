using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Client;

/// <summary>An instance's status as the client sees it; payloads are JSON text.</summary>
public sealed record OrchestrationMetadata(string Name, string InstanceId)
{
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public string ExecutionId { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public string? SerializedInput { get; init; }

    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    public TaskFailureDetails? FailureDetails { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public string? ParentInstanceId { get; init; }

    public bool IsCompleted => RuntimeStatus.IsTerminal();

    public T? ReadInputAs<T>() => DurableJson.Deserialize<T>(SerializedInput);

    public T? ReadOutputAs<T>() => DurableJson.Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => DurableJson.Deserialize<T>(SerializedCustomStatus);
}

/// <summary>Options for starting an instance.</summary>
public sealed record StartOrchestrationOptions
{
    /// <summary>The instance id; scheduling an id that is pending or running returns it without starting a second run. Default: a new GUID.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Start no earlier than this.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>Labels that queries can filter on (for example channel and order id).</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>One page of a query.</summary>
public sealed record InstancePage(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);
