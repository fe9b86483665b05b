using Omnichannel.Durable.Dispatch;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Storage;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Durable.Client;

/// <summary>
/// Starts and manages orchestration instances, like durabletask-dotnet's DurableTaskClient. Operations that
/// change a running instance (events, terminate, suspend, resume, rewind) are messages to its control
/// queue, applied by its next episode, so they never race the instance's own checkpoints.
/// </summary>
public sealed class DurableClient
{
    private static readonly TimeSpan FirstPollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(2);

    /// <summary>Inputs up to this size ride in the start message (which must stay under the queue's limit).</summary>
    private const int MaxSnapshotInput = 16_000;
    private readonly DurableRuntime _runtime;

    internal DurableClient(DurableRuntime runtime) => _runtime = runtime;

    private InstanceStore Store => _runtime.Store;

    private DateTimeOffset Now => _runtime.Time.GetUtcNow();

    /// <summary>
    /// Starts an instance and returns its id. Idempotent by instance id: an id that is pending or running is
    /// returned as is (a pending one gets its start message again, in case the first was lost); a completed,
    /// failed or terminated one starts a new run.
    /// </summary>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        return (await ScheduleAsync(orchestratorName, DurableJson.Serialize(input), options ?? new StartOrchestrationOptions(), onlyIfNew: false, cancellationToken)).InstanceId;
    }

    /// <summary>
    /// Starts an instance only if no instance of <see cref="StartOrchestrationOptions.InstanceId"/> exists in any
    /// state. Insert first: creating the instance row decides, so of several callers at once exactly one gets
    /// true. False: it existed, and nothing is changed (a pending one gets its start message again, in case the
    /// first was lost; an ended one is not restarted).
    /// </summary>
    public async Task<bool> TryScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input, StartOrchestrationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        ArgumentException.ThrowIfNullOrEmpty(options?.InstanceId, nameof(options));
        return (await ScheduleAsync(orchestratorName, DurableJson.Serialize(input), options, onlyIfNew: true, cancellationToken)).Created;
    }

    /// <summary>The instance's status; null when unknown. Input, output and custom status only when asked for.</summary>
    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellationToken = default)
    {
        await _runtime.EnsureCreatedAsync(cancellationToken);
        var state = await Store.GetAsync(instanceId, cancellationToken);
        return state is null ? null : await ToMetadataAsync(state, getInputsAndOutputs, cancellationToken);
    }

    /// <summary>The current run's history, oldest first; empty when unknown.</summary>
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await _runtime.EnsureCreatedAsync(cancellationToken);
        var state = await Store.LoadAsync(instanceId, cancellationToken);
        return state?.History ?? [];
    }

    /// <summary>One page of instances matching the query; pass the returned token for the next page.</summary>
    public async Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await _runtime.EnsureCreatedAsync(cancellationToken);
        var (states, token) = await Store.QueryAsync(query, cancellationToken);
        var items = new List<OrchestrationMetadata>();
        foreach (var state in states)
        {
            items.Add(await ToMetadataAsync(state, query.FetchInputsAndOutputs, cancellationToken));
        }

        return new InstancePage(items, token);
    }

    /// <summary>Raises an event; events raised before the orchestrator waits are kept and delivered in order.</summary>
    public Task RaiseEventAsync(string instanceId, string eventName, object? eventData = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var messageId = Guid.NewGuid().ToString("N");
        var e = new HistoryEvent(HistoryEventKind.EventRaised, Now) { Name = eventName, Input = DurableJson.Serialize(eventData), MessageId = messageId };
        return SendAsync(new WorkMessage { Id = messageId, InstanceId = instanceId, Event = e }, cancellationToken);
    }

    public Task TerminateInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(WorkMessage.For(instanceId, null, new HistoryEvent(HistoryEventKind.ExecutionTerminated, Now) { Reason = reason }), cancellationToken);

    public Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(WorkMessage.For(instanceId, null, new HistoryEvent(HistoryEventKind.ExecutionSuspended, Now) { Reason = reason }), cancellationToken);

    public Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(WorkMessage.For(instanceId, null, new HistoryEvent(HistoryEventKind.ExecutionResumed, Now) { Reason = reason }), cancellationToken);

    /// <summary>A failed instance resumes from its failed step, keeping every step that succeeded (timers too).</summary>
    public Task RewindInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(WorkMessage.For(instanceId, null, new HistoryEvent(HistoryEventKind.ExecutionRewound, Now) { Reason = reason }), cancellationToken);

    /// <summary>
    /// Starts a new run with the same orchestrator and input: under a new id, or under the same id (which
    /// must then be completed, failed or terminated). Returns the id; null when the instance is unknown.
    /// </summary>
    public async Task<string?> RestartAsync(string instanceId, bool restartWithNewInstanceId, CancellationToken cancellationToken = default)
    {
        await _runtime.EnsureCreatedAsync(cancellationToken);
        var state = await Store.GetAsync(instanceId, cancellationToken);
        if (state is null)
        {
            return null;
        }

        if (!restartWithNewInstanceId && !state.Status.IsTerminal())
        {
            throw new InvalidOperationException($"Instance '{instanceId}' is {state.Status}; only a completed, failed or terminated instance restarts under the same id.");
        }

        var input = await _runtime.Payloads.ResolveAsync(state.Input, cancellationToken);
        var options = new StartOrchestrationOptions { InstanceId = restartWithNewInstanceId ? null : instanceId, Tags = state.Tags };
        return (await ScheduleAsync(state.Name, input, options, onlyIfNew: false, cancellationToken)).InstanceId;
    }

    /// <summary>Deletes an instance, its history and payload blobs. False when unknown.</summary>
    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await _runtime.EnsureCreatedAsync(cancellationToken);
        return await Store.PurgeAsync(instanceId, cancellationToken);
    }

    /// <summary>Purges every instance matching the filter; without statuses, only completed, failed and terminated ones. Returns how many.</summary>
    public async Task<int> PurgeInstancesAsync(InstanceQuery filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = filter with
        {
            Statuses = filter.Statuses ?? [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
            FetchInputsAndOutputs = false,
            PageSize = 1000,
        };
        var purged = 0;
        do
        {
            var page = await QueryInstancesAsync(query, cancellationToken);
            foreach (var instance in page.Instances)
            {
                purged += await Store.PurgeAsync(instance.InstanceId, cancellationToken) ? 1 : 0;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);
        return purged;
    }

    /// <summary>
    /// Waits until the instance completes, fails or is terminated. An instance that ends in this process is
    /// answered from memory at once, without a read; progress made by other hosts is seen by reading
    /// storage, after 250 ms and then at growing intervals up to 2 s.
    /// </summary>
    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellationToken = default)
    {
        await _runtime.EnsureCreatedAsync(cancellationToken);
        var interval = FirstPollInterval;
        while (true)
        {
            var changed = _runtime.Signals.NextChangeAsync(instanceId);
            if (_runtime.Signals.Ended(instanceId) is { } ended)
            {
                return await ToMetadataAsync(ended, getInputsAndOutputs, cancellationToken);
            }

            // Real time on purpose: other hosts' progress is only seen by polling storage.
            if (await Task.WhenAny(changed, Task.Delay(interval, cancellationToken)) == changed)
            {
                continue;
            }

            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxPollInterval.Ticks));

            cancellationToken.ThrowIfCancellationRequested();
            var state = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken);
            if (state is { IsCompleted: true })
            {
                return state;
            }
        }
    }

    /// <summary>Messages quarantined after too many failed attempts.</summary>
    public async Task<IReadOnlyList<QuarantinedMessage>> ListQuarantinedAsync(CancellationToken cancellationToken = default)
    {
        await _runtime.EnsureCreatedAsync(cancellationToken);
        return await _runtime.Quarantine.ListAsync(cancellationToken);
    }

    /// <summary>Sends a quarantined message back to its queue; its instance, failed by the quarantine, runs on. False when unknown.</summary>
    public async Task<bool> RequeueQuarantinedAsync(string messageId, CancellationToken cancellationToken = default)
    {
        await _runtime.EnsureCreatedAsync(cancellationToken);
        return await _runtime.Quarantine.RequeueAsync(messageId, cancellationToken);
    }

    private async Task<(string InstanceId, bool Created)> ScheduleAsync(string name, string? input, StartOrchestrationOptions options, bool onlyIfNew, CancellationToken cancellationToken)
    {
        var created = false;
        await _runtime.EnsureCreatedAsync(cancellationToken);
        var instanceId = options.InstanceId ?? Guid.NewGuid().ToString("N");
        var storedInput = await _runtime.Payloads.StoreAsync(instanceId, input, PayloadStore.MaxTableChars, cancellationToken);
        _runtime.Signals.Forget(instanceId);
        StartSnapshot? snapshot = null;
        var executionId = await StorageCall.RetryOnConflictAsync(async () =>
        {
            var now = Now;
            var state = new InstanceState
            {
                InstanceId = instanceId,
                Name = name,
                ExecutionId = Guid.NewGuid().ToString("N"),
                Input = storedInput,
                CreatedTime = now,
                LastUpdatedTime = now,
                Tags = options.Tags,
            };
            if (await Store.TryCreateAsync(state, cancellationToken))
            {
                created = true;
                snapshot = state.ETag is { } etag && (storedInput?.Length ?? 0) <= MaxSnapshotInput
                    ? new StartSnapshot(name, storedInput, etag.ToString(), now, options.Tags)
                    : null;
                return state.ExecutionId;
            }

            var existing = await Store.GetAsync(instanceId, cancellationToken) ?? throw new StorageException(412, null, "Instance row vanished; retry.");
            if (existing.Status == OrchestrationRuntimeStatus.Pending)
            {
                return existing.ExecutionId;
            }

            if (onlyIfNew || !existing.Status.IsTerminal())
            {
                return null;
            }

            state.NextChunk = existing.NextChunk;
            state.FirstChunk = existing.NextChunk;
            state.ETag = existing.ETag;
            await Store.ReplaceAsync(state, cancellationToken);
            return state.ExecutionId;
        });
        if (executionId is not null)
        {
            var start = WorkMessage.For(instanceId, executionId, new HistoryEvent(HistoryEventKind.ExecutionStarted, Now)) with { Snapshot = snapshot };
            var delay = options.StartAt is { } at ? at - Now : TimeSpan.Zero;
            await _runtime.Queues.SendAsync(start, delay, cancellationToken);
        }

        return (instanceId, created);
    }

    private async Task SendAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        await _runtime.EnsureCreatedAsync(cancellationToken);
        _runtime.Signals.Forget(message.InstanceId);
        await _runtime.Queues.SendAsync(message, TimeSpan.Zero, cancellationToken);
    }

    private async Task<OrchestrationMetadata> ToMetadataAsync(InstanceState state, bool withPayloads, CancellationToken cancellationToken) =>
        new(state.Name, state.InstanceId)
        {
            RuntimeStatus = state.Status,
            ExecutionId = state.ExecutionId,
            CreatedAt = state.CreatedTime,
            LastUpdatedAt = state.LastUpdatedTime,
            CompletedAt = state.CompletedTime,
            SerializedInput = withPayloads ? await _runtime.Payloads.ResolveAsync(state.Input, cancellationToken) : null,
            SerializedOutput = withPayloads ? await _runtime.Payloads.ResolveAsync(state.Output, cancellationToken) : null,
            SerializedCustomStatus = withPayloads ? await _runtime.Payloads.ResolveAsync(state.CustomStatus, cancellationToken) : null,
            FailureDetails = state.Failure,
            Tags = state.Tags,
            ParentInstanceId = state.ParentInstanceId,
        };
}
