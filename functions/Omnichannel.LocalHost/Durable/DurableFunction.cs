using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// One <c>[Function]</c> method with a durable trigger, checked against the shapes the local engine serves:
/// an orchestrator takes exactly one <c>[OrchestrationTrigger] TaskOrchestrationContext</c>; an activity takes one
/// <c>[ActivityTrigger]</c> input of any type and, besides it, only a <c>CancellationToken</c>. Both return
/// <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c>, <c>T</c> or <c>void</c>.
/// </summary>
public sealed record DurableFunction(string Name, DurableFunctionKind Kind, MethodInfo Method, Type InputType)
{
    /// <summary>
    /// The durable function <paramref name="method"/> declares, or null when it has no durable trigger.
    /// Throws <see cref="InvalidOperationException"/> (one line naming the function and the parameter) for a shape
    /// the engine cannot serve.
    /// </summary>
    public static DurableFunction? From(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var name = method.GetCustomAttribute<FunctionAttribute>()?.Name ?? method.Name;
        var parameters = method.GetParameters();
        var orchestration = parameters.FirstOrDefault(p => p.IsDefined(typeof(OrchestrationTriggerAttribute), inherit: false));
        var activity = parameters.FirstOrDefault(p => p.IsDefined(typeof(ActivityTriggerAttribute), inherit: false));
        if (orchestration is null && activity is null)
        {
            return null;
        }

        if (orchestration is not null && activity is not null)
        {
            throw Refused(name, activity, "a function has one trigger, not both [OrchestrationTrigger] and [ActivityTrigger]");
        }

        if (method.ContainsGenericParameters)
        {
            throw new InvalidOperationException($"Function '{name}': generic methods cannot be served by the local durable engine.");
        }

        ReturnShape.Of(method.ReturnType, name);
        if (orchestration is not null)
        {
            if (orchestration.ParameterType != typeof(TaskOrchestrationContext))
            {
                throw Refused(name, orchestration, "[OrchestrationTrigger] must be of type TaskOrchestrationContext");
            }

            if (parameters.FirstOrDefault(p => p != orchestration) is { } extra)
            {
                throw Refused(name, extra, "an orchestrator takes only its [OrchestrationTrigger] TaskOrchestrationContext");
            }

            return new DurableFunction(name, DurableFunctionKind.Orchestrator, method, typeof(TaskOrchestrationContext));
        }

        if (activity!.ParameterType.IsByRef || activity.ParameterType == typeof(CancellationToken))
        {
            throw Refused(name, activity, "[ActivityTrigger] must be a by-value input type");
        }

        if (parameters.FirstOrDefault(p => p != activity && p.ParameterType != typeof(CancellationToken)) is { } other)
        {
            throw Refused(name, other, "an activity takes its [ActivityTrigger] input and, besides it, only a CancellationToken");
        }

        return new DurableFunction(name, DurableFunctionKind.Activity, method, activity.ParameterType);
    }

    private static InvalidOperationException Refused(string name, ParameterInfo parameter, string reason) =>
        new($"Function '{name}', parameter '{parameter.Name}' ({parameter.ParameterType.Name}): {reason}.");
}
