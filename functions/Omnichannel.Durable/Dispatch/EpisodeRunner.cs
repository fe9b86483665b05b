using System.Diagnostics;
using Azure;
using Omnichannel.Durable.Activities;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Orchestration;
using Omnichannel.Durable.Registration;
using Omnichannel.Durable.Storage;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Durable.Dispatch;

/// <summary>
/// One episode of one instance: load it (one query), apply the received messages, run the code, run the
/// activities it schedules right here and feed their results back (no queue round trip) within a budget,
/// send what must go through queues, then checkpoint once (one transaction guarded by the row's ETag).
/// </summary>
internal sealed class EpisodeRunner(DurableRuntime runtime, DurableRegistry registry, ActivityRunner activities, IServiceProvider services, TimeProvider time)
{
    private const int MaxContinueAsNewPerEpisode = 10;

    private readonly DurableOptions _options = runtime.Options;

    /// <summary>Test seam: runs after the episode's work and before its checkpoint (a crash there loses only the episode).</summary>
    public Func<InstanceState, CancellationToken, Task>? BeforeCheckpoint { get; set; }

    /// <summary>Runs the episode; returns the messages to hand back for later. Throws StorageException 412/409 when another episode won.</summary>
    public async Task<IReadOnlyList<WorkMessage>> RunAsync(string instanceId, IReadOnlyList<WorkMessage> messages, CancellationToken cancellationToken)
    {
        if (FromSnapshot(instanceId, messages) is { } fresh)
        {
            try
            {
                return await RunAsync(instanceId, fresh, messages, cancellationToken);
            }
            catch (StorageException e) when (e.IsPreconditionFailed)
            {
                // The row changed since the client wrote it (e.g. a redelivered start already ran): read it.
            }
        }

        return await RunAsync(instanceId, await runtime.Store.LoadAsync(instanceId, cancellationToken), messages, cancellationToken);
    }

    /// <summary>The state a lone start message describes, when it carries the row as inserted.</summary>
    private static InstanceState? FromSnapshot(string instanceId, IReadOnlyList<WorkMessage> messages) =>
        messages is [{ Snapshot: { } snapshot, Event.Kind: HistoryEventKind.ExecutionStarted, ExecutionId: { } executionId }]
            ? new InstanceState
            {
                InstanceId = instanceId,
                Name = snapshot.Name,
                ExecutionId = executionId,
                Input = snapshot.Input,
                CreatedTime = snapshot.CreatedTime,
                LastUpdatedTime = snapshot.CreatedTime,
                Tags = snapshot.Tags,
                ETag = new ETag(snapshot.ETag),
            }
            : null;

    private async Task<IReadOnlyList<WorkMessage>> RunAsync(string instanceId, InstanceState? loaded, IReadOnlyList<WorkMessage> messages, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var intake = MessageIntake.Apply(loaded, messages, now);
        if (!intake.HasWork)
        {
            return intake.Deferred;
        }

        var state = intake.State!;
        var episode = new Episode(state, new Outbox(runtime.Queues, _options.MaxTimerVisibility));
        if (intake.Terminate is { } terminate)
        {
            state.History.AddRange(intake.NewEvents);
            state.History.Add(terminate with { Timestamp = now });
            state.Output = DurableJson.Serialize(terminate.Reason);
            Finish(episode, OrchestrationRuntimeStatus.Terminated, now);
        }
        else if (state.Status == OrchestrationRuntimeStatus.Suspended)
        {
            state.History.AddRange(intake.NewEvents);
        }
        else
        {
            await ExecuteAsync(episode, intake, cancellationToken);
        }

        state.LastUpdatedTime = time.GetUtcNow();
        state.Input = await runtime.Payloads.StoreAsync(instanceId, state.Input, PayloadStore.MaxTableChars, cancellationToken);
        state.Output = await runtime.Payloads.StoreAsync(instanceId, state.Output, PayloadStore.MaxTableChars, cancellationToken);
        state.CustomStatus = await runtime.Payloads.StoreAsync(instanceId, state.CustomStatus, PayloadStore.MaxTableChars, cancellationToken);
        await episode.Outbox.FlushAsync(cancellationToken);
        if (BeforeCheckpoint is { } hook)
        {
            await hook(state, cancellationToken);
        }

        await runtime.Store.CheckpointAsync(state, state.History.GetRange(episode.Persisted, state.History.Count - episode.Persisted), cancellationToken);
        runtime.Signals.InstanceChanged(instanceId, state);
        return intake.Deferred;
    }

    private async Task ExecuteAsync(Episode episode, IntakeResult intake, CancellationToken cancellationToken)
    {
        var state = episode.State;
        var now = time.GetUtcNow();
        if (!registry.Orchestrators.TryGetValue(state.Name, out var registration))
        {
            state.History.AddRange(intake.NewEvents);
            state.Failure = new TaskFailureDetails("OrchestratorNotFound", $"No orchestrator named '{state.Name}' is registered.");
            Finish(episode, OrchestrationRuntimeStatus.Failed, now);
            return;
        }

        var redispatch = new List<HistoryEvent>();
        if (intake.Rewind is { } rewind)
        {
            Rewind(episode, rewind with { Timestamp = now });
        }

        var executor = NewExecutor(state, registration, await runtime.Payloads.ResolveAsync(state.Input, cancellationToken));
        executor.Replay();
        if (intake.Rewind is not null)
        {
            redispatch.AddRange(executor.OpenSteps());
        }

        var started = intake.NewEvents.Where(e => e.Kind == HistoryEventKind.ExecutionStarted);
        executor.Append([.. started, new HistoryEvent(HistoryEventKind.OrchestratorStarted, now), .. intake.NewEvents.Except(started)]);
        var clock = Stopwatch.StartNew();
        var inlineCount = 0;
        var continued = 0;
        while (true)
        {
            var steps = executor.TakeNewSteps();
            steps.AddRange(redispatch);
            redispatch.Clear();
            if (executor.Outcome is { Status: OrchestrationRuntimeStatus.ContinuedAsNew } next)
            {
                now = time.GetUtcNow();
                if (++continued > MaxContinueAsNewPerEpisode || clock.Elapsed > _options.MaxInlineDuration)
                {
                    ContinueLater(episode, next, now);
                    return;
                }

                executor = ContinueAsNew(episode, registration, next, now);
                continue;
            }

            if (executor.Outcome is { } outcome)
            {
                Complete(episode, outcome, executor, time.GetUtcNow());
                return;
            }

            var inline = new List<HistoryEvent>();
            var fired = new List<HistoryEvent>();
            now = time.GetUtcNow();
            foreach (var step in steps)
            {
                Route(episode, step, now, inline, fired, ref inlineCount, clock.Elapsed);
            }

            if (inline.Count == 0 && fired.Count == 0)
            {
                break;
            }

            var results = await Task.WhenAll(inline.Select(s => activities.RunAsync(state.InstanceId, state.ExecutionId, s, cancellationToken)));
            executor.Append([new HistoryEvent(HistoryEventKind.OrchestratorStarted, time.GetUtcNow()), .. fired, .. results]);
        }

        if (executor.CustomStatusChanged)
        {
            state.CustomStatus = executor.CustomStatus;
        }
    }

    private void Route(Episode episode, HistoryEvent step, DateTimeOffset now, List<HistoryEvent> inline, List<HistoryEvent> fired, ref int inlineCount, TimeSpan elapsed)
    {
        switch (step.Kind)
        {
            case HistoryEventKind.TaskScheduled when _options.RunActivitiesInline && inlineCount < _options.MaxInlineActivities && elapsed < _options.MaxInlineDuration:
                inline.Add(step);
                inlineCount++;
                break;
            case HistoryEventKind.TaskScheduled:
                episode.Outbox.Activity(episode.State, step);
                break;
            case HistoryEventKind.TimerCreated when step.FireAt <= now:
                fired.Add(new HistoryEvent(HistoryEventKind.TimerFired, now) { TaskId = step.TaskId, FireAt = step.FireAt });
                break;
            case HistoryEventKind.TimerCreated:
                episode.Outbox.Timer(episode.State, step, now);
                break;
            case HistoryEventKind.SubOrchestrationCreated when episode.Rewinding:
                episode.Outbox.Send(step.InstanceId!, null, new HistoryEvent(HistoryEventKind.ExecutionRewound, now) { Reason = "Parent rewound." });
                break;
            case HistoryEventKind.SubOrchestrationCreated:
                episode.Outbox.StartChild(episode.State, step);
                break;
        }
    }

    private OrchestrationExecutor NewExecutor(InstanceState state, OrchestratorRegistration registration, string? input) =>
        new(registration.Name, state.InstanceId, state.ExecutionId, input, registration.Factory(services), state.History);

    /// <summary>
    /// Takes the failure out of the history (the final event and the failed step's result) so the step runs
    /// again; everything that succeeded, timers included, stays and is replayed.
    /// </summary>
    private static void Rewind(Episode episode, HistoryEvent rewind)
    {
        var state = episode.State;
        var failedStep = state.History.LastOrDefault(e => e.Kind == HistoryEventKind.ExecutionCompleted)?.TaskId;
        var history = state.History
            .Where(e => e.Kind != HistoryEventKind.ExecutionCompleted)
            .Where(e => !(e.Kind is HistoryEventKind.TaskFailed or HistoryEventKind.SubOrchestrationFailed && e.TaskId == failedStep))
            .Append(rewind)
            .ToList();
        state.RewriteHistory(history);
        episode.Persisted = 0;
        episode.Rewinding = true;
        state.Status = OrchestrationRuntimeStatus.Running;
        state.Failure = null;
        state.CompletedTime = null;
    }

    private OrchestrationExecutor ContinueAsNew(Episode episode, OrchestratorRegistration registration, OrchestrationOutcome next, DateTimeOffset now)
    {
        var state = episode.State;
        state.ExecutionId = Guid.NewGuid().ToString("N");
        state.Input = next.Output;
        state.RewriteHistory([]);
        episode.Persisted = 0;
        var executor = NewExecutor(state, registration, next.Output);
        executor.Append([new HistoryEvent(HistoryEventKind.ExecutionStarted, now) { Name = state.Name }, .. next.CarryOver ?? []]);
        return executor;
    }

    /// <summary>A run that keeps continuing as new yields: the next run starts from a message, after other work.</summary>
    private static void ContinueLater(Episode episode, OrchestrationOutcome next, DateTimeOffset now)
    {
        var state = episode.State;
        state.ExecutionId = Guid.NewGuid().ToString("N");
        state.Input = next.Output;
        state.Status = OrchestrationRuntimeStatus.ContinuedAsNew;
        state.RewriteHistory([.. next.CarryOver ?? []]);
        episode.Persisted = 0;
        episode.Outbox.Send(state.InstanceId, state.ExecutionId, new HistoryEvent(HistoryEventKind.ExecutionStarted, now));
    }

    private static void Complete(Episode episode, OrchestrationOutcome outcome, OrchestrationExecutor executor, DateTimeOffset now)
    {
        var state = episode.State;
        if (executor.CustomStatusChanged)
        {
            state.CustomStatus = executor.CustomStatus;
        }

        state.Output = outcome.Output;
        state.Failure = outcome.Failure?.Bounded();
        Finish(episode, outcome.Status, now, outcome.FailedStep);
    }

    private static void Finish(Episode episode, OrchestrationRuntimeStatus status, DateTimeOffset now, int? failedStep = null)
    {
        var state = episode.State;
        state.Status = status;
        state.CompletedTime = now;
        state.History.Add(new HistoryEvent(HistoryEventKind.ExecutionCompleted, now)
        {
            Status = status,
            Result = status == OrchestrationRuntimeStatus.Completed ? state.Output : null,
            Failure = state.Failure,
            TaskId = failedStep,
        });
        episode.Outbox.NotifyParent(state, now);
    }

    private sealed class Episode(InstanceState state, Outbox outbox)
    {
        public InstanceState State { get; } = state;

        public Outbox Outbox { get; } = outbox;

        /// <summary>History events already stored; the checkpoint writes the rest.</summary>
        public int Persisted { get; set; } = state.History.Count;

        public bool Rewinding { get; set; }
    }
}
