using Microsoft.Extensions.Logging;

namespace Omnichannel.Hosting.Diagnostics;

/// <summary>
/// The logging scope of a durable activity: the flow's instance id (an order flow's is its order id), so every line
/// the activity and the services it calls log names the order. Opened by each host where it runs an activity.
/// </summary>
public static class FlowLogScope
{
    private static readonly Func<ILogger, string, IDisposable?> Scope = LoggerMessage.DefineScope<string>("flow {InstanceId}");

    public static IDisposable? Begin(ILogger logger, string instanceId) => Scope(logger, instanceId);
}
