using Azure.Core;
using Azure.Core.Pipeline;

namespace Omnichannel.Storage.Telemetry;

/// <summary>
/// Counts every request sent to storage, by service, including retries. Storage requests are what
/// Azure bills and what limits throughput against Azurite, so benchmarks report them per orchestration.
/// Each service client of a <see cref="Connection.StorageAccount"/> carries the policy for its service; other
/// clients (the durable engine's, in the bench) get it from <see cref="CountOn"/>. Requests made inside
/// <see cref="UncountedAsync{T}"/> are counted apart, in <see cref="Uncounted"/>.
/// </summary>
public sealed class StorageRequestCounter
{
    private readonly AsyncLocal<bool> _uncountedScope = new();
    private long _tables;
    private long _queues;
    private long _blobs;
    private long _uncounted;

    /// <summary>Requests made inside <see cref="UncountedAsync{T}"/>, not in <see cref="Snapshot"/>.</summary>
    public long Uncounted => Interlocked.Read(ref _uncounted);

    public StorageRequestCounts Snapshot() =>
        new(Interlocked.Read(ref _tables), Interlocked.Read(ref _queues), Interlocked.Read(ref _blobs));

    /// <summary>Counts the requests of clients built from <paramref name="options"/> as <paramref name="service"/>'s, once per attempt.</summary>
    public void CountOn(ClientOptions options, StorageService service)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(new CountingPolicy(this, service), HttpPipelinePosition.PerRetry);
    }

    /// <summary>Runs <paramref name="call"/> with the requests it makes counted in <see cref="Uncounted"/> (a benchmark's own status polls).</summary>
    public async Task<T> UncountedAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _uncountedScope.Value = true;
        return await call();
    }

    private void Count(StorageService service)
    {
        if (_uncountedScope.Value)
        {
            Interlocked.Increment(ref _uncounted);
            return;
        }

        switch (service)
        {
            case StorageService.Table:
                Interlocked.Increment(ref _tables);
                break;
            case StorageService.Queue:
                Interlocked.Increment(ref _queues);
                break;
            default:
                Interlocked.Increment(ref _blobs);
                break;
        }
    }

    private sealed class CountingPolicy(StorageRequestCounter counter, StorageService service) : HttpPipelinePolicy
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

public enum StorageService
{
    Table,
    Queue,
    Blob,
}

/// <summary>Requests sent so far, by service.</summary>
public readonly record struct StorageRequestCounts(long Tables, long Queues, long Blobs)
{
    public long Total => Tables + Queues + Blobs;

    public static StorageRequestCounts operator -(StorageRequestCounts a, StorageRequestCounts b) =>
        new(a.Tables - b.Tables, a.Queues - b.Queues, a.Blobs - b.Blobs);

    public override string ToString() => $"{Total} (table {Tables}, queue {Queues}, blob {Blobs})";
}
