namespace Omnichannel.LocalHost.Triggers;

/// <summary>One tick of a timer function, as the local host's timer runner sees it.</summary>
/// <param name="FunctionName">The timer function.</param>
/// <param name="ScheduledFor">The tick this run is for (UTC).</param>
/// <param name="IsPastDue">True when the run starts later than its tick (a host was down or busy).</param>
/// <param name="Last">The previous tick that ran, if known.</param>
public sealed record TimerInvocation(string FunctionName, DateTimeOffset ScheduledFor, bool IsPastDue, DateTimeOffset? Last);
