using DurableTask.AzureStorage;
using Microsoft.Extensions.Options;

namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// The DTFx Azure Storage orchestration service of the task hub, one per host, shared by the engine (worker side)
/// and <see cref="LocalDurableTaskClient"/> (client side). Creating it touches no storage.
/// </summary>
public sealed class LocalDurableTaskHub : IDisposable
{
    public LocalDurableTaskHub(IOptions<LocalDurableOptions> options, IOptions<LocalDurableStorageClientOptions> clients, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clients);
        var o = options.Value;
        var c = clients.Value;
        this.Options = o;
        this.Service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(o.ConnectionString!, c.Blob),
                StorageServiceClientProvider.ForQueue(o.ConnectionString!, c.Queue),
                StorageServiceClientProvider.ForTable(o.ConnectionString!, c.Table)),
            TaskHubName = o.HubName,
            PartitionCount = o.StorageProvider.PartitionCount,
            ControlQueueBatchSize = o.StorageProvider.ControlQueueBatchSize,
            MaxQueuePollingInterval = o.StorageProvider.MaxQueuePollingInterval,
            WorkItemQueueVisibilityTimeout = o.StorageProvider.WorkItemQueueVisibilityTimeout,
            ControlQueueVisibilityTimeout = o.StorageProvider.ControlQueueVisibilityTimeout,
            ExtendedSessionsEnabled = o.ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(o.ExtendedSessionIdleTimeoutInSeconds),
            MaxConcurrentTaskActivityWorkItems = o.MaxConcurrentActivityFunctions,
            MaxConcurrentTaskOrchestrationWorkItems = o.MaxConcurrentOrchestratorFunctions,
            ThrowExceptionOnInvalidDedupeStatus = true,

            // Two hosts on one machine (or two engines in one test process) must not share a lease owner name.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}",
            LoggerFactory = loggerFactory,
        });
    }

    public LocalDurableOptions Options { get; }

    public AzureStorageOrchestrationService Service { get; }

    public void Dispose() => this.Service.Dispose();
}
