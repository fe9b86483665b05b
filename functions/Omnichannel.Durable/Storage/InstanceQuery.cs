using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Storage;

/// <summary>Which instances a query or purge selects. Every criterion is optional.</summary>
public sealed record InstanceQuery
{
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Instance ids starting with this.</summary>
    public string? InstanceIdPrefix { get; init; }

    /// <summary>Instances whose orchestrator name starts with this.</summary>
    public string? NamePrefix { get; init; }

    /// <summary>Instances carrying all of these tags with these values.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Page size, 1-1000. Default 100.</summary>
    public int PageSize { get; init; } = 100;

    public string? ContinuationToken { get; init; }

    /// <summary>Include input, output and custom status. Default true.</summary>
    public bool FetchInputsAndOutputs { get; init; } = true;
}
