using Azure.Core;
using Azure.Core.Pipeline;
using Omnichannel.LocalHost.Durable;
using Omnichannel.Storage.Telemetry;

namespace Omnichannel.Bench.Durable;

/// <summary>
/// Counts the requests the task hub's storage clients send (the DTFx Azure Storage provider's, worker and client side),
/// by service, retries included: a pipeline policy added to the SDK client options the provider builds its clients from
/// (<see cref="LocalDurableStorageClientOptions"/>). Requests made inside <see cref="UncountedAsync{T}"/> (the bench's
/// own status polls while it waits for an instance to end) are counted apart, as they are not the engine's cost.
/// </summary>
internal sealed class HubRequestCounter
{
    private static readonly AsyncLocal<bool> Uncounted = new();

    private long _tables;
    private long _queues;
    private long _blobs;
    private long _waits;

    /// <summary>Status polls by the bench while waiting, not in <see cref="Snapshot"/>.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    public StorageRequestCounts Snapshot() =>
        new(Interlocked.Read(ref _tables), Interlocked.Read(ref _queues), Interlocked.Read(ref _blobs));

    public void Apply(LocalDurableStorageClientOptions options)
    {
        options.Blob.AddPolicy(new CountingPolicy(this, StorageService.Blob), HttpPipelinePosition.PerRetry);
        options.Queue.AddPolicy(new CountingPolicy(this, StorageService.Queue), HttpPipelinePosition.PerRetry);
        options.Table.AddPolicy(new CountingPolicy(this, StorageService.Table), HttpPipelinePosition.PerRetry);
    }

    /// <summary>Runs <paramref name="call"/> with its storage requests counted as the bench's waits.</summary>
    public static async Task<T> UncountedAsync<T>(Func<Task<T>> call)
    {
        Uncounted.Value = true;
        return await call();
    }

    private void Count(StorageService service)
    {
        if (Uncounted.Value)
        {
            Interlocked.Increment(ref _waits);
            return;
        }

        _ = service switch
        {
            StorageService.Table => Interlocked.Increment(ref _tables),
            StorageService.Queue => Interlocked.Increment(ref _queues),
            _ => Interlocked.Increment(ref _blobs),
        };
    }

    private sealed class CountingPolicy(HubRequestCounter counter, StorageService service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(service);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(service);
            return ProcessNextAsync(message, pipeline);
        }
    }
}
