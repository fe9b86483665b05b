namespace Omnichannel.Channels.Outbound;

/// <summary>
/// Resilience of every outbound channel call, section <c>Channels:Http</c>. Rate limits are per account and
/// may be overridden per account (<c>Channels:{channel}:{store}:RequestsPerSecond</c> / <c>Burst</c>).
/// </summary>
public sealed class ChannelHttpOptions
{
    public const string Section = "Channels:Http";

    /// <summary>Whole call including retries and waits. Default 2 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>One attempt. Default 20 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries after the first attempt. Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>Base of the exponential backoff (with jitter) when the channel sends no Retry-After. Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Failure ratio in the sampling window that opens the circuit. Default 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the window before the ratio counts. Default 10 (minimum 2).</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>Window the failure ratio is measured over. Default 30 seconds.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls before probing. Default 30 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Default sustained request rate per account. Default 2 per second.</summary>
    public double RequestsPerSecond { get; set; } = 2;

    /// <summary>Default burst per account. Default 10.</summary>
    public int Burst { get; set; } = 10;
}
