namespace Omnichannel.LocalHost.Triggers;

/// <summary>How the local host takes a queue function's messages: host.json's <c>extensions.queues</c>, defaults as in Azure Functions.</summary>
public sealed record QueueTriggerOptions
{
    /// <summary>Messages handled at once by one host (1-32). Default 16.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>
    /// How long a taken message stays invisible to other hosts; renewed at half this interval while the
    /// handler runs, so long handlers keep it; so it is only what a crashed host costs before another takes the
    /// message. Default 10 seconds (renewed every 5 s).
    /// </summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Delay before a failed message is tried again. Default zero (at once), as in Functions.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.Zero;

    /// <summary>After this many failed attempts the message moves to the poison queue. Default 5.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>Longest wait between polls of an empty queue. Default 2 seconds.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromSeconds(2);
}
