using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Ledger;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Storage.Connection;
using Omnichannel.Testing;

namespace Omnichannel.Bench.Ledger;

/// <summary>
/// <c>ledger [--movements N] [--writers N] [--skus N] [--reads N]</c>: movements per second on one hot SKU
/// under contention and spread over many SKUs, and the latency of a consolidated read, with the storage
/// requests each costs.
/// </summary>
public sealed class LedgerBenchmark : IBenchmarkCommand
{
    public string Name => "ledger";

    public string Description => "Stock ledger: movements/s on a hot SKU and over 1,000 SKUs, consolidated read latency";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var movements = BenchArgs.Int(args, "--movements", 1600);
        var writers = BenchArgs.Int(args, "--writers", 16);
        var skuCount = BenchArgs.Int(args, "--skus", 1000);
        var reads = BenchArgs.Int(args, "--reads", 500);

        // Each phase gets fresh tables: Azurite evaluates a table query by scanning the whole table, so
        // leftovers of one phase would slow the next (Azure serves a partition range query by index).
        var hotAccount = await Azurite.AccountAsync();
        await BaselineAsync(hotAccount, cancellationToken);
        await using (var hot = Build(hotAccount))
        await using (var sibling = Build(hotAccount, hot))
        {
            await SetupAsync(hot, ["HOT"], cancellationToken);
            var one = hot.GetRequiredService<StockLedger>();
            var two = sibling.GetRequiredService<StockLedger>();
            await MovementsAsync("sequential, one hot SKU", 1, Math.Min(movements / 4, 400), _ => "HOT", _ => one, hotAccount, cancellationToken);
            await MovementsAsync($"{writers} writers on one instance, one hot SKU", writers, movements, _ => "HOT", _ => one, hotAccount, cancellationToken);
            await MovementsAsync($"{writers} writers on two instances, one hot SKU", writers, movements / 2, _ => "HOT", i => i % 2 == 0 ? one : two, hotAccount, cancellationToken);
        }

        var account = await Azurite.AccountAsync();
        await using var services = Build(account);
        var skus = Enumerable.Range(0, skuCount).Select(i => $"SKU-{i:D5}").ToList();
        await SetupAsync(services, skus, cancellationToken);
        var ledger = services.GetRequiredService<StockLedger>();
        await MovementsAsync($"{writers} writers, {skuCount} SKUs", writers, movements, i => skus[i % skus.Count], _ => ledger, account, cancellationToken);
        await ReadsAsync(reads, skus, account, services.GetRequiredService<StockReader>(), cancellationToken);
        return 0;
    }

    /// <summary>Azurite's own pace on this machine right now: one sequential entity insert.</summary>
    private static async Task BaselineAsync(StorageAccount account, CancellationToken cancellationToken)
    {
        var table = account.Tables.GetTableClient(Unique.Name("benchbase"));
        await table.CreateAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            await table.AddEntityAsync(new TableEntity("p", i.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Baseline: one sequential table insert takes {watch.Elapsed.TotalMilliseconds / 100:F2} ms on this Azurite."));
    }

    private static async Task SetupAsync(ServiceProvider services, IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var catalogue = services.GetRequiredService<CatalogueStore>();
        await catalogue.UpsertLocationAsync(new Location("store", "Store", LocationKind.Store, ShipsOnline: false), cancellationToken);
        await catalogue.UpsertLocationAsync(new Location("wh", "Warehouse", LocationKind.Warehouse), cancellationToken);
        await catalogue.UpsertLocationAsync(new Location("fba", "FBA", LocationKind.ChannelFulfilled, FulfilledChannel: "amazon"), cancellationToken);
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (sku, ct) =>
        {
            await catalogue.UpsertProductAsync(new Product(sku, sku, ReorderPoint: 5), ct);
            await catalogue.UpsertListingAsync(new ChannelListing("amazon", "de", "A-" + sku, null, sku, new StockRule()), ct);
            await catalogue.UpsertListingAsync(new ChannelListing("ebay", "main", "E-" + sku, null, sku, new StockRule(BufferUnits: 2)), ct);
        });
        Console.WriteLine($"Setup: {skus.Count} products with 2 listings each, 3 locations, fresh tables.");
    }

    private static async Task MovementsAsync(string label, int writers, int count, Func<int, string> skuOf, Func<int, StockLedger> ledgerOf, StorageAccount account, CancellationToken cancellationToken)
    {
        var locations = new[] { "store", "wh", "fba" };
        var next = -1;
        var before = account.Requests.Snapshot();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    var outcome = await ledgerOf(i).RecordAsync(new MovementCommand(skuOf(i), MovementKind.Receipt, locations[i % 3], 1, Guid.NewGuid().ToString("N")), cancellationToken);
                    if (outcome.Movement is null)
                    {
                        throw new InvalidOperationException($"Movement refused: {outcome.Rejection?.Message}");
                    }
                }
            },
            cancellationToken)));
        watch.Stop();
        var used = account.Requests.Snapshot() - before;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Movements, {label}: {count} in {watch.Elapsed.TotalSeconds:F1} s = {count / watch.Elapsed.TotalSeconds:F0}/s; requests per movement {(double)used.Total / count:F2} (table {(double)used.Tables / count:F2}, queue {(double)used.Queues / count:F2})"));
    }

    private static async Task ReadsAsync(int count, IReadOnlyList<string> skus, StorageAccount account, StockReader reader, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(count);
        var before = account.Requests.Snapshot();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            var view = await reader.GetAsync(skus[i * 7 % skus.Count], cancellationToken);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (view is null || view.Channels.Count != 2)
            {
                throw new InvalidOperationException("Consolidated read returned the wrong shape.");
            }
        }

        var used = account.Requests.Snapshot() - before;
        latencies.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Consolidated read (3 locations, 2 listings, sequential): p50 {latencies[count / 2]:F2} ms, p95 {latencies[(int)(count * 0.95)]:F2} ms, max {latencies[^1]:F2} ms; requests per read {(double)used.Total / count:F2}"));
    }

    /// <summary>A ledger instance; with <paramref name="sameTablesAs"/>, a second instance on the same tables.</summary>
    private static ServiceProvider Build(StorageAccount account, ServiceProvider? sameTablesAs = null)
    {
        var settings = sameTablesAs?.GetRequiredService<IConfiguration>().AsEnumerable().ToDictionary(kv => kv.Key, kv => kv.Value) ?? new Dictionary<string, string?>
        {
            ["Ledger:StockTable"] = Unique.Name("benchstock"),
            ["Ledger:CatalogueTable"] = Unique.Name("benchcat"),
            ["Ledger:SalesTable"] = Unique.Name("benchsales"),
            ["Ledger:AlertsQueue"] = Unique.Name("benchalerts"),
            ["Ledger:StockChangedQueue"] = Unique.Name("benchchanged"),
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(account);
        services.AddSingleton(TimeProvider.System);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLedger(configuration);
        return services.BuildServiceProvider();
    }
}
