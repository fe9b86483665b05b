using System.Diagnostics;
using Azure.Data.Tables;
using Omnichannel.Storage.Connection;
using Omnichannel.Testing;

namespace Omnichannel.Bench.Durable;

/// <summary>What the emulator itself manages on this machine, measured in the same run so figures compare.</summary>
internal static class AzuriteCeiling
{
    public static async Task<(double SequentialInserts, double ConcurrentInserts, double QueueRoundTrips)> MeasureAsync(StorageAccount storage, TimeSpan each, CancellationToken cancellationToken)
    {
        var table = storage.Tables.GetTableClient(Unique.Name("ceiling"));
        await table.CreateIfNotExistsAsync(cancellationToken);
        var sequential = await RateAsync(each, 1, i => table.AddEntityAsync(new TableEntity("p", $"s{i}"), cancellationToken));
        var concurrent = await RateAsync(each, 16, i => table.AddEntityAsync(new TableEntity("p", $"c{i}"), cancellationToken));
        var queue = storage.Queues.GetQueueClient(Unique.Name("ceiling"));
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var roundTrips = await RateAsync(each, 1, async _ =>
        {
            await queue.SendMessageAsync("x", cancellationToken);
            var received = (await queue.ReceiveMessageAsync(cancellationToken: cancellationToken)).Value;
            await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, cancellationToken);
        });
        await table.DeleteAsync(cancellationToken);
        await queue.DeleteAsync(cancellationToken);
        return (sequential, concurrent, roundTrips);
    }

    private static async Task<double> RateAsync(TimeSpan duration, int callers, Func<int, Task> operation)
    {
        var next = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            while (watch.Elapsed < duration)
            {
                await operation(Interlocked.Increment(ref next));
            }
        }));
        return next / watch.Elapsed.TotalSeconds;
    }
}
