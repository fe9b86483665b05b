using System.Diagnostics;
using System.Globalization;
using Omnichannel.Storage.Telemetry;
using Omnichannel.Testing;

namespace Omnichannel.Bench.Durable;

/// <summary>
/// The local durable engine (DTFx's Azure Storage provider through the shim, as the LocalHost runs it) under two
/// configurations in one run, alternated: <c>naive</c> (Durable Functions' defaults) and <c>tuned</c> (the
/// <c>extensions.durableTask</c> section of the app's host.json, with <c>--tuned key=value</c> overrides, keys as under
/// that section, e.g. <c>storageProvider:partitionCount=1</c>). For a five-activity chain (at most 50 in flight) and a
/// ten-way fan-out/fan-in (at most 25 in flight): orchestrations/s and storage requests per orchestration by service
/// (the provider's own requests, counted by a pipeline policy on its clients; the bench's status polls excluded), and
/// the latency of one chain alone. Options: <c>--chains N</c> (default 100), <c>--fanouts N</c> (default 30),
/// <c>--rounds N</c> (default 2), <c>--singles N</c> (default 15).
/// </summary>
public sealed class DurableBenchmark : IBenchmarkCommand
{
    public string Name => "durable";

    public string Description => "Durable engine, naive vs tuned: orchestrations/s, storage requests per orchestration by service, latency alone";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var chains = BenchArgs.Int(args, "--chains", 100);
        var fanouts = BenchArgs.Int(args, "--fanouts", 30);
        var rounds = BenchArgs.Int(args, "--rounds", 2);
        var singles = BenchArgs.Int(args, "--singles", 15);
        var tunedSettings = BenchDurableHost.AppHostJsonDurableTask();
        for (var i = Array.IndexOf(args, "--tuned"); i >= 0 && i + 1 < args.Length; i = Array.IndexOf(args, "--tuned", i + 1))
        {
            var (key, value) = (args[i + 1].Split('=', 2)[0], args[i + 1].Split('=', 2).ElementAtOrDefault(1));
            tunedSettings[key] = value;
        }

        tunedSettings.Remove("hubName");
        var storage = await Azurite.AccountAsync();
        var ceiling = await AzuriteCeiling.MeasureAsync(storage, TimeSpan.FromSeconds(2), cancellationToken);
        Console.WriteLine($"Azurite ceiling: table inserts {ceiling.SequentialInserts:F0}/s sequential, {ceiling.ConcurrentInserts:F0}/s with 16 callers; queue send+receive+delete {ceiling.QueueRoundTrips:F0}/s sequential");
        Console.WriteLine($"naive: Durable defaults. tuned: {(tunedSettings.Count == 0 ? "(none)" : string.Join(", ", tunedSettings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")))}");

        var connection = await Azurite.ConnectionStringAsync();
        await using var naive = await BenchDurableHost.StartAsync("naive", connection, new Dictionary<string, string?>(), cancellationToken);
        await using var tuned = await BenchDurableHost.StartAsync("tuned", connection, tunedSettings, cancellationToken);
        BenchDurableHost[] hosts = [naive, tuned];
        foreach (var host in hosts)
        {
            var s = host.Settings;
            Console.WriteLine($"  {host.Name}: extendedSessions {s.ExtendedSessionsEnabled}, partitions {s.StorageProvider.PartitionCount}, concurrent orchestrators/activities {s.MaxConcurrentOrchestratorFunctions}/{s.MaxConcurrentActivityFunctions}, control queue batch {s.StorageProvider.ControlQueueBatchSize}, max polling interval {s.StorageProvider.MaxQueuePollingInterval}");
            await RunBoundedAsync(host, BenchDurableFunctions.Chain, 10, 10, cancellationToken);
            await RunBoundedAsync(host, BenchDurableFunctions.FanOut, 4, 4, cancellationToken);
        }

        var runs = new List<(string Host, string Case, int Count, TimeSpan Elapsed, StorageRequestCounts Requests)>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (what, orchestrator, count, inFlight) in new[] { ("chain5", BenchDurableFunctions.Chain, chains, 50), ("fanout10", BenchDurableFunctions.FanOut, fanouts, 25) })
            {
                foreach (var host in round % 2 == 1 ? hosts : hosts.Reverse())
                {
                    var (elapsed, requests) = await RunBoundedAsync(host, orchestrator, count, inFlight, cancellationToken);
                    runs.Add((host.Name, what, count, elapsed, requests));
                    Console.WriteLine($"round {round} {host.Name,-5} {what,-8} {count,4} in {elapsed.TotalSeconds,5:F1} s = {count / elapsed.TotalSeconds,5:F1}/s; requests per orchestration {Per(requests, count)}");
                }
            }
        }

        var latencies = hosts.ToDictionary(h => h.Name, _ => new List<double>());
        var aloneBefore = hosts.ToDictionary(h => h.Name, h => h.Requests.Snapshot());
        for (var i = 0; i < singles; i++)
        {
            foreach (var host in i % 2 == 0 ? hosts : hosts.Reverse())
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
                var watch = Stopwatch.StartNew();
                var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(BenchDurableFunctions.Chain, i, cancellationToken);
                await host.WaitCompletedAsync(id, cancellationToken);
                latencies[host.Name].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| configuration | case | orchestrations/s (per round) | storage requests per orchestration: total (table / queue / blob) | one chain alone p50 (min-max), {singles} runs |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var host in hosts)
        {
            var alone = latencies[host.Name].Order().ToList();
            foreach (var what in new[] { "chain5", "fanout10" })
            {
                var mine = runs.Where(r => r.Host == host.Name && r.Case == what).ToList();
                var total = mine.Aggregate(default(StorageRequestCounts), (a, r) => new StorageRequestCounts(a.Tables + r.Requests.Tables, a.Queues + r.Requests.Queues, a.Blobs + r.Requests.Blobs));
                var count = mine.Sum(r => r.Count);
                var rates = string.Join(", ", mine.Select(r => (r.Count / r.Elapsed.TotalSeconds).ToString("F1", CultureInfo.InvariantCulture)));
                var rate = count / mine.Sum(r => r.Elapsed.TotalSeconds);
                var latency = what == "chain5" ? $"{alone[alone.Count / 2]:F0} ms ({alone[0]:F0}-{alone[^1]:F0})" : "";
                Console.WriteLine($"| {host.Name} | {what} | {rate:F1} ({rates}) | {Per(total, count)} | {latency} |");
            }
        }

        foreach (var what in new[] { "chain5", "fanout10" })
        {
            double Rate(string h) => runs.Where(r => r.Host == h && r.Case == what).Sum(r => r.Count) / runs.Where(r => r.Host == h && r.Case == what).Sum(r => r.Elapsed.TotalSeconds);
            double Requests(string h) => (double)runs.Where(r => r.Host == h && r.Case == what).Sum(r => r.Requests.Total) / runs.Where(r => r.Host == h && r.Case == what).Sum(r => r.Count);
            Console.WriteLine($"{what}: tuned/naive throughput {Rate("tuned") / Rate("naive"):F2}x, requests per orchestration {Requests("tuned") / Requests("naive"):F2}x");
        }

        Console.WriteLine($"Latency alone, p50 tuned/naive: {Median(latencies["tuned"]) / Median(latencies["naive"]):F2}x. Bench status polls (excluded above): naive {naive.Requests.Uncounted}, tuned {tuned.Requests.Uncounted}.");
        foreach (var host in hosts)
        {
            Console.WriteLine($"  {host.Name}: requests per single chain incl. idle polling between runs {Per(host.Requests.Snapshot() - aloneBefore[host.Name], singles)}");
        }

        return 0;
    }

    private static async Task<(TimeSpan Elapsed, StorageRequestCounts Requests)> RunBoundedAsync(
        BenchDurableHost host, string orchestrator, int count, int inFlight, CancellationToken cancellationToken)
    {
        var before = host.Requests.Snapshot();
        var watch = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(inFlight);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, i, cancellationToken);
                await host.WaitCompletedAsync(id, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
        return (watch.Elapsed, host.Requests.Snapshot() - before);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Per(StorageRequestCounts requests, int count) =>
        $"{(double)requests.Total / count:F1} ({(double)requests.Tables / count:F1} / {(double)requests.Queues / count:F1} / {(double)requests.Blobs / count:F1})";
}
