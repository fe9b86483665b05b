using System.Security.Cryptography;
using System.Text;
using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Orchestration;

/// <summary>The context handed to orchestrator code; every call goes to its executor.</summary>
internal sealed class OrchestrationContextImpl(OrchestrationExecutor executor) : TaskOrchestrationContext
{
    public override string Name => executor.Name;

    public override string InstanceId => executor.InstanceId;

    public override string ExecutionId => executor.ExecutionId;

    public override bool IsReplaying => executor.IsReplaying;

    public override DateTime CurrentUtcDateTime => executor.CurrentTime.UtcDateTime;

    public override T? GetInput<T>()
        where T : default => DurableJson.Deserialize<T>(executor.Input);

    public override async Task<T> CallActivityAsync<T>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var json = DurableJson.Serialize(input);
        var result = await WithRetryAsync(options?.Retry, stepId => executor.ScheduleStep(
            id => new HistoryEvent(HistoryEventKind.TaskScheduled, default) { TaskId = id, Name = name, Input = json, StepId = stepId ?? id },
            CancellationToken.None));
        return DurableJson.Deserialize<T>(result)!;
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(fireAt, DateTimeKind.Utc));
        return executor.ScheduleStep(id => new HistoryEvent(HistoryEventKind.TimerCreated, default) { TaskId = id, FireAt = at }, cancellationToken);
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return DurableJson.Deserialize<T>(await executor.WaitForEvent(eventName, cancellationToken))!;
    }

    public override async Task<T> CallSubOrchestratorAsync<T>(string orchestratorName, object? input = null, SubOrchestrationOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        var json = DurableJson.Serialize(input);
        var result = await WithRetryAsync(options?.Retry, _ => executor.ScheduleStep(
            id => new HistoryEvent(HistoryEventKind.SubOrchestrationCreated, default)
            {
                TaskId = id,
                Name = orchestratorName,
                Input = json,
                InstanceId = options?.InstanceId ?? $"{InstanceId}:{id}",
            },
            CancellationToken.None));
        return DurableJson.Deserialize<T>(result)!;
    }

    public override void SetCustomStatus(object? customStatus) => executor.SetCustomStatus(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        executor.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override Guid NewGuid()
    {
        var name = $"{InstanceId}:{ExecutionId}:{executor.NextGuidCounter()}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>
    /// Retries as durable code: each attempt is its own step and each wait a durable timer, so a retry
    /// survives restarts and shows in the history. Retries of one call share the first attempt's step id.
    /// </summary>
    private async Task<string?> WithRetryAsync(RetryPolicy? policy, Func<int?, Task<string?>> attempt)
    {
        if (policy is null)
        {
            return await attempt(null);
        }

        var started = CurrentUtcDateTime;
        int? stepId = null;
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(stepId);
            }
            catch (TaskFailedException e) when (number < policy.MaxNumberOfAttempts && (policy.Handle?.Invoke(e.FailureDetails) ?? true))
            {
                stepId ??= e.TaskId;
                var delay = policy.DelayAfter(number);
                if (policy.RetryTimeout != Timeout.InfiniteTimeSpan && CurrentUtcDateTime + delay - started > policy.RetryTimeout)
                {
                    throw;
                }

                await CreateTimer(delay, CancellationToken.None);
            }
        }
    }
}
