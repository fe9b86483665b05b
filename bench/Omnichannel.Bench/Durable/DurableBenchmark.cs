using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichannel.Durable;
using Omnichannel.Durable.Client;
using Omnichannel.Durable.Model;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Telemetry;
using Omnichannel.Testing;

namespace Omnichannel.Bench.Durable;

/// <summary>
/// Orchestrations per second and storage requests per orchestration for a five-activity chain and a
/// ten-way fan-out (bounded in flight, and in a burst), the single-chain latency on an idle system, and
/// Azurite's own ceiling measured in the same run. Options: <c>--chains N</c> (default 500), <c>--fanouts N</c> (default 200).
/// </summary>
public sealed class DurableBenchmark : IBenchmarkCommand
{
    public string Name => "durable";

    public string Description => "Durable runtime: orchestrations/s, storage requests per orchestration, idle latency";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var chains = Option(args, "--chains", 500);
        var fanouts = Option(args, "--fanouts", 200);
        var storage = await Azurite.AccountAsync();
        var ceiling = await AzuriteCeiling.MeasureAsync(storage, TimeSpan.FromSeconds(3), cancellationToken);
        Console.WriteLine($"Azurite ceiling: table inserts {ceiling.SequentialInserts:F0}/s sequential, {ceiling.ConcurrentInserts:F0}/s with 16 callers; queue send+receive+delete {ceiling.QueueRoundTrips:F0}/s sequential");

        await using var services = Build(storage);
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(cancellationToken);
        }

        var client = services.GetRequiredService<DurableClient>();
        await RunBoundedAsync(client, storage, "Chain5", 20, 10, cancellationToken);

        var latencies = new List<double>();
        var idleBefore = storage.Requests.Snapshot();
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
            var watch = Stopwatch.StartNew();
            var id = await client.ScheduleNewOrchestrationInstanceAsync("Chain5", 0, cancellationToken: cancellationToken);
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, cancellationToken);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            Check(done);
        }

        latencies.Sort();
        Console.WriteLine($"Single five-activity chain, idle system: median {latencies[latencies.Count / 2]:F1} ms, p90 {latencies[(int)(latencies.Count * 0.9)]:F1} ms, min {latencies[0]:F1} ms (30 runs; {Per(storage.Requests.Snapshot() - idleBefore, 30)} requests per chain incl. idle polling between runs)");

        Report("five-activity chain, at most 50 in flight", chains, await RunBoundedAsync(client, storage, "Chain5", chains, 50, cancellationToken));
        Report("five-activity chain, burst (all started at once)", chains, await RunBurstAsync(client, storage, "Chain5", chains, cancellationToken));
        Report("ten-activity fan-out, at most 25 in flight", fanouts, await RunBoundedAsync(client, storage, "FanOut10", fanouts, 25, cancellationToken));
        Report("ten-activity fan-out, burst (all started at once)", fanouts, await RunBurstAsync(client, storage, "FanOut10", fanouts, cancellationToken));

        foreach (var hosted in services.GetServices<IHostedService>().Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        return 0;
    }

    private static ServiceProvider Build(StorageAccount storage)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Durable:InstancesTable"] = Unique.Name("benchinstances"),
            ["Durable:QuarantineTable"] = Unique.Name("benchquarantine"),
            ["Durable:QueuePrefix"] = Unique.Name("bench"),
            ["Durable:PayloadContainer"] = Unique.Name("bench"),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(storage);
        services.AddSingleton(TimeProvider.System);
        services.AddDurable(configuration);
        services.AddActivity<int, int>("Step", (_, x) => Task.FromResult(x + 1));
        services.AddOrchestrator<int, int>("Chain5", async (ctx, x) =>
        {
            for (var i = 0; i < 5; i++)
            {
                x = await ctx.CallActivityAsync<int>("Step", x);
            }

            return x;
        });
        services.AddOrchestrator<int, int>("FanOut10", async (ctx, x) =>
            (await Task.WhenAll(Enumerable.Range(0, 10).Select(i => ctx.CallActivityAsync<int>("Step", x + i)))).Sum());
        return services.BuildServiceProvider();
    }

    private static async Task<(TimeSpan Elapsed, StorageRequestCounts Requests)> RunBoundedAsync(
        DurableClient client, StorageAccount storage, string orchestrator, int count, int inFlight, CancellationToken cancellationToken)
    {
        var before = storage.Requests.Snapshot();
        var watch = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(inFlight);
        var runs = Enumerable.Range(0, count).Select(async i =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                var id = await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, i, cancellationToken: cancellationToken);
                Check(await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, cancellationToken));
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(runs);
        return (watch.Elapsed, storage.Requests.Snapshot() - before);
    }

    private static async Task<(TimeSpan Elapsed, StorageRequestCounts Requests)> RunBurstAsync(
        DurableClient client, StorageAccount storage, string orchestrator, int count, CancellationToken cancellationToken)
    {
        var before = storage.Requests.Snapshot();
        var watch = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(i => client.ScheduleNewOrchestrationInstanceAsync(orchestrator, i, cancellationToken: cancellationToken)));
        foreach (var done in await Task.WhenAll(ids.Select(id => client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, cancellationToken))))
        {
            Check(done);
        }

        return (watch.Elapsed, storage.Requests.Snapshot() - before);
    }

    private static void Report(string what, int count, (TimeSpan Elapsed, StorageRequestCounts Requests) run) =>
        Console.WriteLine($"{what}: {count} in {run.Elapsed.TotalSeconds:F1} s = {count / run.Elapsed.TotalSeconds:F1} orchestrations/s; storage requests per orchestration {Per(run.Requests, count)}");

    private static string Per(StorageRequestCounts requests, int count) =>
        $"{(double)requests.Total / count:F1} (table {(double)requests.Tables / count:F1}, queue {(double)requests.Queues / count:F1}, blob {(double)requests.Blobs / count:F1})";

    private static void Check(OrchestrationMetadata done)
    {
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"Instance {done.InstanceId} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
