using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Omnichannel.Hosting.Diagnostics;

namespace Omnichannel.Functions.Diagnostics;

/// <summary>
/// Puts the flow's instance id (an order flow's is its order id) in the logging scope of every activity
/// invocation, as the local host does when it runs one, so each line an activity and the services it calls log
/// names the order. The Durable extension gives an activity's instance id as the binding data <c>instanceId</c>.
/// </summary>
internal sealed class FlowLogScopeMiddleware(ILogger<FlowLogScopeMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public const string ActivityTriggerType = "activityTrigger";
    public const string InstanceIdBindingData = "instanceId";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        using var scope = InstanceIdOf(context) is { } instanceId ? FlowLogScope.Begin(logger, instanceId) : null;
        await next(context);
    }

    private static string? InstanceIdOf(FunctionContext context) =>
        context.FunctionDefinition.InputBindings.Values.Any(b => string.Equals(b.Type, ActivityTriggerType, StringComparison.OrdinalIgnoreCase))
        && context.BindingContext.BindingData.TryGetValue(InstanceIdBindingData, out var value)
        && value is string { Length: > 0 } instanceId
            ? instanceId
            : null;
}
