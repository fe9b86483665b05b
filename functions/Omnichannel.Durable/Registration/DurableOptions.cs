using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Durable.Registration;

/// <summary>Settings of the durable runtime, section <c>Durable</c> (e.g. <c>Durable__PartitionCount</c>).</summary>
public sealed class DurableOptions
{
    public const string Section = "Durable";

    /// <summary>Table holding each instance's row and its history rows, in one partition per instance. Default <c>DurableInstances</c>.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string InstancesTable { get; set; } = "DurableInstances";

    /// <summary>Table of quarantined (poison) messages. Default <c>DurableQuarantine</c>.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string QuarantineTable { get; set; } = "DurableQuarantine";

    /// <summary>Prefix of the queues: <c>{prefix}-control-{n}</c> and <c>{prefix}-workitems</c>. Default <c>durable</c>.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{1,40}$")]
    public string QueuePrefix { get; set; } = "durable";

    /// <summary>Blob container for payloads too large for a queue message or table property. Default <c>durable-payloads</c>.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{2,62}$")]
    public string PayloadContainer { get; set; } = "durable-payloads";

    /// <summary>Control queues; an instance always uses the same one (stable hash). 1-16, default 4.</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>
    /// Run activities in the process that scheduled them, right after the episode, and feed their results to
    /// the running orchestrator without a queue round trip. Default true. False sends every activity through
    /// the work-item queue, where any host may take it.
    /// </summary>
    public bool RunActivitiesInline { get; set; } = true;

    /// <summary>Inline activities run per episode before a checkpoint hands the rest to the work-item queue. Default 200.</summary>
    [Range(1, 10_000)]
    public int MaxInlineActivities { get; set; } = 200;

    /// <summary>An episode stops running activities inline after this long; the rest go to the queue. Default 10 seconds.</summary>
    public TimeSpan MaxInlineDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Episodes running at once in one host. Default 100.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>Activities running at once in one host (inline and queued). Default 100.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentActivities { get; set; } = 100;

    /// <summary>How long a taken message stays hidden from other hosts; a crashed host's work reappears after it. Default 2 minutes.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest wait between polls of an empty queue (polling backs off from 10 ms). Default 1 second.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest a timer message stays hidden before its due time is checked again; queues cap visibility at
    /// 7 days, so longer timers re-arm. Default 6 days. Tests with a fake clock lower it.
    /// </summary>
    public TimeSpan MaxTimerVisibility { get; set; } = TimeSpan.FromDays(6);

    /// <summary>A message taken this many times without success is quarantined and its instance failed. Default 5.</summary>
    [Range(1, 1000)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Wait before a message whose processing threw is tried again. Default 5 seconds.</summary>
    public TimeSpan PoisonRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Run the dispatcher in this process. Default true; false makes a client-only host.</summary>
    public bool EnableWorker { get; set; } = true;

    /// <summary>Names a value out of range, or null when all are valid.</summary>
    internal string? Invalid() =>
        MaxInlineDuration <= TimeSpan.Zero ? nameof(MaxInlineDuration)
        : VisibilityTimeout < TimeSpan.FromSeconds(1) || VisibilityTimeout > TimeSpan.FromDays(7) ? nameof(VisibilityTimeout)
        : MaxPollingInterval <= TimeSpan.Zero ? nameof(MaxPollingInterval)
        : MaxTimerVisibility < TimeSpan.FromMilliseconds(10) || MaxTimerVisibility > TimeSpan.FromDays(7) ? nameof(MaxTimerVisibility)
        : PoisonRetryDelay < TimeSpan.Zero ? nameof(PoisonRetryDelay)
        : null;
}
