using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DurableTask.AzureStorage.Tracking;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Newtonsoft.Json.Linq;
using CoreStatus = DurableTask.Core.OrchestrationStatus;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace Omnichannel.LocalHost.Durable;

/// <summary>Reads, queries, purge, rewind, restart and history.</summary>
public sealed partial class LocalDurableTaskClient
{
    private static readonly CoreStatus[] TerminalStatuses = [CoreStatus.Completed, CoreStatus.Failed, CoreStatus.Terminated, CoreStatus.Canceled];

    /// <summary>History event types by <see cref="EventType"/>: the provider's history JSON carries no type names.</summary>
    private static readonly FrozenDictionary<EventType, Type> HistoryTypes = typeof(HistoryEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(HistoryEvent)) && !t.IsAbstract && t.IsPublic)
        .GroupBy(t => ((HistoryEvent)RuntimeHelpers.GetUninitializedObject(t)).EventType)
        .ToFrozenDictionary(g => g.Key, g => g.OrderBy(t => t.Name.Length).First());

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        var states = await this.Service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: getInputsAndOutputs);
        return states is { Count: > 0 } ? this.ToMetadata(states[0], getInputsAndOutputs) : null;
    }

    /// <summary>Pages over the provider's status query; filters: created time, statuses, instance id prefix, task hub names.</summary>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var fetch = filter?.FetchInputsAndOutputs ?? false;
            var condition = new OrchestrationInstanceStatusQueryCondition
            {
                RuntimeStatus = filter?.Statuses?.Select(ToCore).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime ?? default,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime ?? default,
                TaskHubNames = filter?.TaskHubNames?.ToList(),
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                FetchInput = fetch,
                FetchOutput = fetch,
            };
            var result = await this.Service.GetOrchestrationStateAsync(
                condition, pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize, continuation ?? filter?.ContinuationToken, cancellation);
            var page = result.OrchestrationState.Select(s => this.ToMetadata(s, fetch)).ToList();
            return new Page<OrchestrationMetadata>(page, string.IsNullOrEmpty(result.ContinuationToken) ? null : result.ContinuationToken);
        });

    /// <summary>Purges one finished instance (0 when unknown); throws <see cref="InvalidOperationException"/> for one still running.</summary>
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var metadata = await this.GetInstancesAsync(instanceId, getInputsAndOutputs: false, cancellation);
        if (metadata is null)
        {
            return new PurgeResult(0);
        }

        if (!metadata.IsCompleted)
        {
            throw new InvalidOperationException($"Only orchestrations in a terminal state can be purged, but the orchestration with instance ID {instanceId} has status {metadata.RuntimeStatus}");
        }

        var result = await this.Service.PurgeInstanceHistoryAsync(instanceId);
        return new PurgeResult(result.InstancesDeleted);
    }

    /// <summary>Purges the instances created in the filter's range with its statuses (default: every terminal status).</summary>
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellation.ThrowIfCancellationRequested();
        var statuses = filter.Statuses?.Select(ToCore).ToList() ?? [.. TerminalStatuses];
        var result = await this.Service.PurgeInstanceHistoryAsync(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.UnixEpoch, filter.CreatedTo?.UtcDateTime, statuses);
        return new PurgeResult(result.InstancesDeleted);
    }

    /// <summary>The Azure Storage provider's rewind of a Failed instance: its failed activities and sub-orchestrations run again.</summary>
    public override async Task RewindInstanceAsync(string instanceId, string reason, CancellationToken cancellation = default)
    {
        var metadata = await this.GetInstancesAsync(instanceId, getInputsAndOutputs: false, cancellation)
            ?? throw new ArgumentException($"An orchestration with the instanceId {instanceId} was not found.", nameof(instanceId));
        if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Failed)
        {
            throw new InvalidOperationException($"Only a Failed orchestration can be rewound; '{instanceId}' is {metadata.RuntimeStatus}.");
        }

        await this.Service.RewindTaskOrchestrationAsync(instanceId, reason);
    }

    /// <summary>
    /// Starts the instance's orchestrator again with its original input, under a new id or its own. Throws
    /// <see cref="ArgumentException"/> when unknown and <see cref="InvalidOperationException"/> when restarting a
    /// running instance under its own id.
    /// </summary>
    public override async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        var metadata = await this.GetInstancesAsync(instanceId, getInputsAndOutputs: true, cancellation)
            ?? throw new ArgumentException($"An orchestration with the instanceId {instanceId} was not found.", nameof(instanceId));
        if (!restartWithNewInstanceId && !metadata.IsCompleted)
        {
            throw new InvalidOperationException($"The orchestration '{instanceId}' is {metadata.RuntimeStatus}; only a finished one can be restarted under its own id.");
        }

        var newId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        var instance = new OrchestrationInstance { InstanceId = newId, ExecutionId = Guid.NewGuid().ToString("N") };
        await this.Service.CreateTaskOrchestrationAsync(
            new TaskMessage
            {
                OrchestrationInstance = instance,
                Event = new ExecutionStartedEvent(-1, metadata.SerializedInput) { Name = metadata.Name, OrchestrationInstance = instance },
            },
            [.. RunningStatuses]);
        return newId;
    }

    /// <summary>The history of the instance's current execution; throws <see cref="ArgumentException"/> when unknown.</summary>
    public override async Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        var states = await this.Service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: false);
        if (states is not { Count: > 0 })
        {
            throw new ArgumentException($"An orchestration with the instanceId {instanceId} was not found.", nameof(instanceId));
        }

        cancellation.ThrowIfCancellationRequested();
        var json = await this.Service.GetOrchestrationHistoryAsync(instanceId, states[0].OrchestrationInstance.ExecutionId);
        return [.. JArray.Parse(json).OfType<JObject>()
            .Select(e => HistoryTypes.TryGetValue((EventType)e.Value<int>(nameof(HistoryEvent.EventType)), out var type) ? (HistoryEvent?)e.ToObject(type) : null)
            .OfType<HistoryEvent>()];
    }

    /// <summary>The raw history JSON of the instance's current execution as the provider stores it, or null when unknown.</summary>
    public async Task<string?> GetHistoryJsonAsync(string instanceId, CancellationToken cancellation = default)
    {
        var states = await this.Service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: false);
        cancellation.ThrowIfCancellationRequested();
        return states is { Count: > 0 } ? await this.Service.GetOrchestrationHistoryAsync(instanceId, states[0].OrchestrationInstance.ExecutionId) : null;
    }

    private OrchestrationMetadata ToMetadata(OrchestrationState state, bool getInputsAndOutputs)
    {
        var status = FromCore(state.OrchestrationStatus);
        return new OrchestrationMetadata(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = getInputsAndOutputs ? this.converter : null,
            RuntimeStatus = status,
            CreatedAt = state.CreatedTime,
            LastUpdatedAt = state.LastUpdatedTime,
            SerializedInput = getInputsAndOutputs ? state.Input : null,
            SerializedOutput = getInputsAndOutputs ? state.Output : null,
            SerializedCustomStatus = getInputsAndOutputs ? state.Status : null,
            FailureDetails = ToDetails(state.FailureDetails) ?? (status == OrchestrationRuntimeStatus.Failed ? FromOutput(state.Output) : null),
            Tags = state.Tags is { } tags ? new Dictionary<string, string>(tags, StringComparer.Ordinal) : new Dictionary<string, string>(),
        };
    }

    private static TaskFailureDetails? ToDetails(FailureDetails? details) => details is null
        ? null
        : new TaskFailureDetails(details.ErrorType, details.ErrorMessage, details.StackTrace, ToDetails(details.InnerFailure), null);

    /// <summary>The Azure Storage provider leaves FailureDetails null and keeps the failure in Output: as FailureDetails JSON or as text.</summary>
    private static TaskFailureDetails FromOutput(string? output)
    {
        if (output is { Length: > 0 } && output.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(output);
                var root = document.RootElement;
                if (root.TryGetProperty(nameof(FailureDetails.ErrorMessage), out var message))
                {
                    var type = root.TryGetProperty(nameof(FailureDetails.ErrorType), out var t) ? t.GetString() : null;
                    var stack = root.TryGetProperty(nameof(FailureDetails.StackTrace), out var s) ? s.GetString() : null;
                    return new TaskFailureDetails(type ?? "OrchestrationFailure", message.GetString() ?? string.Empty, stack, null, null);
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: the text is the reason.
            }
        }

        return new TaskFailureDetails("OrchestrationFailure", output ?? string.Empty, null, null, null);
    }
}
