using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Registration;

namespace Omnichannel.Durable.Activities;

/// <summary>Runs one activity step in a DI scope and turns its outcome into a history event.</summary>
internal sealed class ActivityRunner(DurableRegistry registry, IServiceScopeFactory scopes, TimeProvider time, int maxConcurrent)
{
    private readonly SemaphoreSlim _gate = new(maxConcurrent, maxConcurrent);

    /// <summary>Runs the step; a throwing activity gives TaskFailed, only cancellation propagates.</summary>
    public async Task<HistoryEvent> RunAsync(string instanceId, string executionId, HistoryEvent step, CancellationToken cancellationToken)
    {
        var taskId = step.TaskId ?? throw new ArgumentException("A scheduled step has a task id.", nameof(step));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!registry.Activities.TryGetValue(step.Name ?? string.Empty, out var registration))
            {
                return Failed(taskId, new TaskFailureDetails("ActivityNotFound", $"No activity named '{step.Name}' is registered."));
            }

            await using var scope = scopes.CreateAsyncScope();
            var activity = registration.Factory(scope.ServiceProvider);
            var context = new TaskActivityContext(registration.Name, instanceId, executionId, taskId, step.StepId ?? taskId, cancellationToken);
            var input = DurableJson.Deserialize(step.Input, activity.InputType);
            var result = await activity.RunAsync(context, input);
            return new HistoryEvent(HistoryEventKind.TaskCompleted, time.GetUtcNow()) { TaskId = taskId, Result = DurableJson.Serialize(result) };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of user code is the step's result, recorded in the history.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Failed(taskId, TaskFailureDetails.FromException(e));
        }
        finally
        {
            _gate.Release();
        }
    }

    private HistoryEvent Failed(int taskId, TaskFailureDetails failure) =>
        new(HistoryEventKind.TaskFailed, time.GetUtcNow()) { TaskId = taskId, Failure = failure.Bounded() };
}
