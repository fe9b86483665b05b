using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Omnichannel.Hosting.Diagnostics;

namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// An <c>[ActivityTrigger]</c> method as an <see cref="ITaskActivity"/> for the shim: each run gets a fresh DI scope
/// and the engine's stopping token. When the engine stops mid-run the run is aborted, not failed: the message is
/// abandoned and another engine runs the activity again (at least once, as on Azure).
/// </summary>
internal sealed class FunctionActivity(DurableFunction function, IServiceScopeFactory scopes, CancellationToken stopping) : ITaskActivity
{
    public Type InputType => function.InputType;

    public Type OutputType => ReturnShape.Of(function.Method.ReturnType, function.Name) is var t && t == typeof(void) ? typeof(object) : t;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var logScope = FlowLogScope.Begin(scope.ServiceProvider.GetRequiredService<ILogger<FunctionActivity>>(), context.InstanceId);
        var arguments = function.Method.GetParameters()
            .Select(p => p.ParameterType == typeof(CancellationToken) && p.ParameterType != function.InputType ? stopping : input)
            .ToArray();
        try
        {
            return await DurableFunctionInvoker.InvokeAsync(function, scope.ServiceProvider, arguments);
        }
        catch (OperationCanceledException e) when (stopping.IsCancellationRequested)
        {
            throw new SessionAbortedException($"The local durable engine stopped while activity '{function.Name}' of '{context.InstanceId}' ran.", e);
        }
    }
}
