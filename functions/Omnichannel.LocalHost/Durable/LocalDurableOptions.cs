namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// The task hub settings of the local durable engine, read from host.json's <c>extensions.durableTask</c> (the local
/// host loads host.json under <c>AzureFunctionsJobHost</c>, as the Functions host does); names as in host.json.
/// </summary>
public sealed class LocalDurableOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string Section = "AzureFunctionsJobHost:extensions:durableTask";

    /// <summary>The storage connection string, from <c>AzureWebJobsStorage</c> (also <c>UseDevelopmentStorage=true</c>). Required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Task hub name: 3-45 letters and digits, starting with a letter. Default <c>TestHubName</c>, as Durable Functions locally.</summary>
    public string HubName { get; set; } = "TestHubName";

    /// <summary>Keep orchestrations in memory between episodes. Default false.</summary>
    public bool ExtendedSessionsEnabled { get; set; }

    /// <summary>Seconds an idle extended session stays in memory. Default 30.</summary>
    public int ExtendedSessionIdleTimeoutInSeconds { get; set; } = 30;

    /// <summary>Activities run at once by this engine. Default 10 × processor count, as Durable Functions.</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>Orchestrator episodes run at once by this engine. Default 10 × processor count, as Durable Functions.</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>
    /// Longest single durable timer; a longer one is split into timers of at most this length (a queue message may stay
    /// invisible for 7 days at most). Default 3 days, as the isolated worker. Changing it breaks timers in flight.
    /// </summary>
    public TimeSpan MaximumTimerInterval { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The Azure Storage provider's settings (<c>storageProvider</c> in host.json).</summary>
    public LocalDurableStorageOptions StorageProvider { get; set; } = new();
}

/// <summary>host.json <c>extensions.durableTask.storageProvider</c> for the Azure Storage provider.</summary>
public sealed class LocalDurableStorageOptions
{
    /// <summary>Control queue partitions, 1-16. Default 4.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Control queue messages fetched at once, 1-32. Default 32.</summary>
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>Longest wait between polls of an empty queue. Default 30 s.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a dequeued activity message stays invisible to other engines. Default 1 min (DTFx's is 5 min): the
    /// engine renews it while the activity runs (30 s before it lapses), so this is only what a crash costs.
    /// </summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a dequeued control queue message stays invisible to other engines. Default 1 min (DTFx's is 5 min):
    /// what an orchestration message held by a crashed host costs before another host replays it.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
