using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Orchestration;

/// <summary>Options for one activity or sub-orchestration call.</summary>
public sealed record TaskOptions
{
    public RetryPolicy? Retry { get; init; }

    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new() { Retry = policy };
}

/// <summary>Options for a sub-orchestration call.</summary>
public sealed record SubOrchestrationOptions
{
    /// <summary>The child's instance id. Default: derived from the parent id and step, so replays agree.</summary>
    public string? InstanceId { get; init; }

    public RetryPolicy? Retry { get; init; }
}

/// <summary>
/// How a failed call is retried: durable timers between attempts, so waits survive restarts and cost nothing
/// while pending. Delay before attempt n+1 = min(FirstRetryInterval * BackoffCoefficient^(n-1), MaxRetryInterval).
/// </summary>
public sealed record RetryPolicy(int MaxNumberOfAttempts, TimeSpan FirstRetryInterval)
{
    /// <summary>Multiplier applied per attempt. Default 1 (fixed interval).</summary>
    public double BackoffCoefficient { get; init; } = 1;

    /// <summary>Cap on one delay. Default one hour.</summary>
    public TimeSpan MaxRetryInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>No attempt starts later than this after the first. Default infinite.</summary>
    public TimeSpan RetryTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Which failures are retried. Default: all.</summary>
    public Func<TaskFailureDetails, bool>? Handle { get; init; }

    /// <summary>The delay before attempt <paramref name="attempt"/> + 1 (attempt counts from 1).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, attempt - 1);
        return ticks >= MaxRetryInterval.Ticks ? MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }
}
