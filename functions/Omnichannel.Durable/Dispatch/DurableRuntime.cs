using Microsoft.Extensions.Options;
using Omnichannel.Durable.Registration;
using Omnichannel.Durable.Storage;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Durable.Dispatch;

/// <summary>The runtime's storage pieces on one account, shared by the client and the dispatcher of a host.</summary>
internal sealed class DurableRuntime
{
    private readonly Lock _lock = new();
    private readonly StorageAccount _storage;
    private Task? _created;

    public DurableRuntime(StorageAccount storage, IOptions<DurableOptions> options, TimeProvider time)
    {
        _storage = storage;
        Options = options.Value;
        Time = time;
        Payloads = new PayloadStore(storage.Blobs.GetBlobContainerClient(Options.PayloadContainer));
        Store = new InstanceStore(storage.Tables.GetTableClient(Options.InstancesTable), Payloads);
        Signals = new WakeSignals(Options.PartitionCount);
        Queues = new WorkQueues(storage.Queues, Options.QueuePrefix, Options.PartitionCount, Payloads, Signals);
        Quarantine = new QuarantineStore(storage.Tables.GetTableClient(Options.QuarantineTable), Payloads, Store, Queues, time);
    }

    public DurableOptions Options { get; }

    public TimeProvider Time { get; }

    public PayloadStore Payloads { get; }

    public InstanceStore Store { get; }

    public WakeSignals Signals { get; }

    public WorkQueues Queues { get; }

    public QuarantineStore Quarantine { get; }

    /// <summary>Creates the tables, queues and container once per process (retried after a failure).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = CreateAsync(cancellationToken);
            }

            return _created;
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        await StorageCall.RunAsync(() => Store.Table.CreateIfNotExistsAsync(cancellationToken));
        await StorageCall.RunAsync(() => _storage.Tables.GetTableClient(Options.QuarantineTable).CreateIfNotExistsAsync(cancellationToken));
        await StorageCall.RunAsync(() => Payloads.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        await Queues.EnsureCreatedAsync(cancellationToken);
    }
}
