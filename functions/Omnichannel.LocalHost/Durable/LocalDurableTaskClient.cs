using System.Diagnostics;
using System.Globalization;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Tracing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreStatus = DurableTask.Core.OrchestrationStatus;

namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// A <see cref="DurableTaskClient"/> over the task hub's DTFx Azure Storage service, with the engine's JSON
/// convention (<see cref="LocalDurableJson"/>). Registered as the singleton <see cref="DurableTaskClient"/>; the
/// local host binds <c>[DurableClient] DurableTaskClient</c> parameters from it.
/// </summary>
public sealed partial class LocalDurableTaskClient(LocalDurableTaskHub hub, TimeProvider time) : DurableTaskClient("local")
{
    private static readonly CoreStatus[] RunningStatuses = [CoreStatus.Pending, CoreStatus.Running, CoreStatus.Suspended];
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LastPoll = TimeSpan.FromSeconds(1);

    private readonly DataConverter converter = LocalDurableJson.CreateConverter();

    private AzureStorageOrchestrationService Service => hub.Service;

    /// <summary>
    /// Schedules an instance. <see cref="StartOrchestrationOptions.InstanceId"/> (default a new GUID),
    /// <see cref="StartOrchestrationOptions.StartAt"/> and <see cref="StartOrchestrationOptions.Tags"/> are honoured.
    /// An instance that exists with a status in <see cref="StartOrchestrationOptions.DedupeStatuses"/>, or that is
    /// pending, running or suspended (Durable Functions' default, <c>overridableExistingInstanceStates:
    /// NonRunningStates</c>), gives <see cref="OrchestrationAlreadyExistsException"/>; a finished one is replaced.
    /// </summary>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var dedupe = new HashSet<CoreStatus>(RunningStatuses);
        foreach (var text in options?.DedupeStatuses ?? [])
        {
            if (!Enum.TryParse<OrchestrationRuntimeStatus>(text, ignoreCase: true, out var status))
            {
                throw new ArgumentException($"Invalid orchestration runtime status: '{text}' for deduplication.", nameof(options));
            }

            dedupe.Add(ToCore(status));
        }

        var instanceId = options?.InstanceId is { Length: > 0 } given ? given : Guid.NewGuid().ToString("N");
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        var tags = options?.Tags?.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal) ?? [];
        tags[OrchestrationTags.RequestTime] = time.GetUtcNow().ToString(CultureInfo.InvariantCulture);
        var message = new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, this.converter.Serialize(input))
            {
                Name = orchestratorName.Name,
                Version = options?.Version?.Version ?? string.Empty,
                OrchestrationInstance = instance,
                ScheduledStartTime = options?.StartAt?.UtcDateTime,
                Tags = tags,

                // The caller's span becomes the flow's parent, as the Durable extension's client does on Azure: the
                // engine opens the orchestration's and each activity's span in that trace.
                ParentTraceContext = Activity.Current is { } span ? new DistributedTraceContext(span.Id!, span.TraceStateString) : null,
            },
        };

        await this.RefuseInterruptedStartAsync(instanceId);
        await this.Service.CreateTaskOrchestrationAsync(message, [.. dedupe]);
        return instanceId;
    }

    /// <summary>
    /// The provider enqueues a start message before it writes the instance row, and the engine writes the row again at
    /// each checkpoint. A host killed between the two leaves an instance that runs (it has history) but has no row for a
    /// moment; a second start then passed the provider's dedupe check and overwrote the running instance's row with a
    /// new Pending execution (found by the chaos bench: an order stuck as Pending while its flow waited for its
    /// shipment). An instance with history and no row exists: refused as such.
    /// </summary>
    private async Task RefuseInterruptedStartAsync(string instanceId)
    {
        if (await this.Service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: false) is { Count: > 0 })
        {
            return; // The row exists: the provider's own dedupe decides.
        }

        var history = await this.Service.GetOrchestrationHistoryAsync(instanceId, null);
        if (!string.IsNullOrEmpty(history) && history.Trim() is not ("[]" or "null"))
        {
            throw new OrchestrationAlreadyExistsException($"An orchestration with instance id '{instanceId}' is running (it has history; its instance row is being written after an interrupted start).");
        }
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return this.SendAsync(instanceId, new EventRaisedEvent(-1, this.converter.Serialize(eventPayload)) { Name = eventName }, cancellation);
    }

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return this.Service.ForceTerminateTaskOrchestrationAsync(instanceId, this.converter.Serialize(options?.Output));
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        this.SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        this.SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    /// <summary>Polls (50 ms growing to 1 s) until the instance has left Pending; throws <see cref="InvalidOperationException"/> when it does not exist.</summary>
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        this.PollAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <summary>Polls (50 ms growing to 1 s) until the instance is completed, failed or terminated; throws <see cref="InvalidOperationException"/> when it does not exist.</summary>
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        this.PollAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<OrchestrationMetadata> PollAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var delay = FirstPoll;
        while (true)
        {
            var metadata = await this.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new InvalidOperationException($"Orchestration with instanceId '{instanceId}' does not exist");
            if (done(metadata))
            {
                return metadata;
            }

            await Task.Delay(delay, time, cancellation);
            delay = delay * 2 > LastPoll ? LastPoll : delay * 2;
        }
    }

    private Task SendAsync(string instanceId, HistoryEvent historyEvent, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return this.Service.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = historyEvent,
        });
    }

    private static CoreStatus ToCore(OrchestrationRuntimeStatus status) => (CoreStatus)(int)status;

    private static OrchestrationRuntimeStatus FromCore(CoreStatus status) => (OrchestrationRuntimeStatus)(int)status;
}
