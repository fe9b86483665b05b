namespace Omnichannel.Hosting.Declarations;

/// <summary>Runs a timer function's work for one tick.</summary>
public interface ITimerHandler
{
    Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken);
}

/// <summary>One tick of a timer function.</summary>
/// <param name="FunctionName">The timer function.</param>
/// <param name="ScheduledFor">The tick this run is for (UTC).</param>
/// <param name="IsPastDue">True when the run starts later than its tick (a host was down or busy).</param>
/// <param name="Last">The previous tick that ran, if known.</param>
public sealed record TimerInvocation(string FunctionName, DateTimeOffset ScheduledFor, bool IsPastDue, DateTimeOffset? Last);
