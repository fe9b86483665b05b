using DurableTask.Core;
using DurableTask.Core.Middleware;
using Microsoft.DurableTask;

namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// Orchestration dispatcher middleware: hands a sub-orchestration its parent (from the runtime state's
/// <c>ExecutionStartedEvent.ParentInstance</c>), without which the shim's <c>context.Parent</c> is null, and ends
/// the episode's DI scope when DTFx will not resume it (no extended session, or the instance finished).
/// </summary>
internal sealed class ParentInstanceMiddleware(bool extendedSessions)
{
    public async Task InvokeAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        var orchestration = context.GetProperty<TaskOrchestration>() as FunctionOrchestration;
        var state = context.GetProperty<OrchestrationRuntimeState>();
        if (orchestration is not null && state?.ParentInstance is { } parent)
        {
            orchestration.Parent = new ParentOrchestrationInstance(new TaskName(parent.Name), parent.OrchestrationInstance.InstanceId);
        }

        try
        {
            await next();
        }
        finally
        {
            if (orchestration is not null && (!extendedSessions || state is null || IsFinished(state.OrchestrationStatus)))
            {
                await orchestration.DisposeAsync();
            }
        }
    }

    private static bool IsFinished(OrchestrationStatus status) =>
        status is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled or OrchestrationStatus.ContinuedAsNew;
}
