using System.Globalization;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Outbound;
using Omnichannel.Ledger;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Ledger.Stock;
using Omnichannel.Storage.Connection;
using Omnichannel.Sync;
using Omnichannel.Sync.Configuration;
using Omnichannel.Sync.Pushing;
using Omnichannel.Testing;

namespace Omnichannel.Bench.Sync;

/// <summary>
/// <c>sync [--skus N] [--changes N] [--writers N] [--window MS] [--ledger-window MS] [--latency MS] [--no-batch]</c>:
/// N SKUs each listed on 5 in-process channels (default 200 × 5 = 1,000 listings). Runs with the shipped defaults
/// unless told otherwise, and prints the settings it ran with: <c>--window</c> sets <c>Sync:BatchWindow</c> (the
/// gathering of pushes to Shopify and eBay, which offer batch calls of 250 and 25 listings unless <c>--no-batch</c>),
/// <c>--ledger-window</c> sets <c>Ledger:StockChangedWindow</c> (the per-SKU coalescing of stock-changed messages).
/// Each channel call takes <c>--latency</c> (default 0). For each ledger change: the time until every channel listing
/// the SKU was called with a figure that includes it (p50/p95/p99), the channel calls and the storage requests per
/// change; first one change at a time, then with concurrent writers and 16 handlers (the queue function's default batch).
/// </summary>
public sealed class SyncBenchmark : IBenchmarkCommand
{
    private static readonly string[] Channels = ["shopify", "ebay", "amazon", "etsy", "walmart"];
    private static readonly Dictionary<string, int> BatchLimits = new(StringComparer.Ordinal) { ["shopify"] = 250, ["ebay"] = 25 };

    public string Name => "sync";

    public string Description => "Stock sync: ledger change to last channel call (p50/p95), calls and storage requests per change, 1,000 listings over 5 channels";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var skuCount = BenchArgs.Int(args, "--skus", 200);
        var changes = BenchArgs.Int(args, "--changes", 200);
        var writers = BenchArgs.Int(args, "--writers", 8);
        var window = OptionalMilliseconds(args, "--window");
        var ledgerWindow = OptionalMilliseconds(args, "--ledger-window");
        var batch = !args.Contains("--no-batch");
        var latency = TimeSpan.FromMilliseconds(BenchArgs.Int(args, "--latency", 0));
        var account = await Azurite.AccountAsync();
        var channels = Channels.Select(c => new BenchChannel(c, batch ? BatchLimits.GetValueOrDefault(c, 1) : 1, latency)).ToList();
        await using var services = Build(account, channels, window, ledgerWindow);
        var batchWindow = services.GetRequiredService<IOptions<SyncOptions>>().Value.BatchWindow;
        var changedWindow = services.GetRequiredService<IOptions<LedgerOptions>>().Value.StockChangedWindow;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Settings: Ledger:StockChangedWindow {changedWindow.TotalMilliseconds} ms ({(ledgerWindow is null ? "default" : "--ledger-window")}), Sync:BatchWindow {batchWindow.TotalMilliseconds} ms ({(window is null ? "default" : "--window")}), {skuCount} SKUs, {changes} changes, {writers} writers."));
        Console.WriteLine(batch
            ? "Batching on: shopify up to 250 and ebay up to 25 listings per call; amazon, etsy, walmart one call per listing."
            : "Batching off: one call per listing on every channel.");
        Console.WriteLine($"Channel call latency: {latency.TotalMilliseconds} ms.");
        var skus = Enumerable.Range(0, skuCount).Select(i => $"SKU-{i:D4}").ToList();
        var ledger = services.GetRequiredService<StockLedger>();
        var queue = services.GetRequiredService<LedgerStorage>().StockChanged;
        await SetupAsync(services, skus, cancellationToken);
        var consumer = new Consumer(services, queue);
        await consumer.DrainAsync(16, cancellationToken);
        Console.WriteLine($"Setup: {skuCount} SKUs × {Channels.Length} channels = {skuCount * Channels.Length} listings, initial figures pushed ({channels.Sum(c => c.CallCount)} calls).");

        // One change at a time: change, message through the queue, handler, channel calls.
        var sequential = new Run(channels, account);
        for (var i = 0; i < changes; i++)
        {
            var sku = skus[i * 7 % skus.Count];
            var change = await sequential.ChangeAsync(ledger, sku, cancellationToken);
            await consumer.DrainAllAsync(1, cancellationToken);
            sequential.Observe(change);
        }

        sequential.Report("one change at a time", changes);

        // The concurrent phase changes the same SKUs again: let their coalescing windows close first, so each of its
        // changes is a lone one, as in the phase above (a change inside the window waits for the window's end).
        await Task.Delay(changedWindow, cancellationToken);

        // Concurrent writers while 16 handlers drain the queue, as the queue function does.
        var concurrent = new Run(channels, account);
        var next = -1;
        var producers = Enumerable.Range(0, writers).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < changes)
                {
                    await concurrent.ChangeAsync(ledger, skus[i * 13 % skus.Count], cancellationToken);
                }
            },
            cancellationToken)).ToList();
        var all = Task.WhenAll(producers);
        while (!all.IsCompleted)
        {
            await consumer.DrainAsync(16, cancellationToken);
        }

        await all;
        await consumer.DrainAllAsync(16, cancellationToken);
        concurrent.ObserveAll();
        concurrent.Report($"{writers} concurrent writers, 16 handlers", changes);
        return 0;
    }

    private static ServiceProvider Build(StorageAccount account, IEnumerable<BenchChannel> channels, TimeSpan? window, TimeSpan? ledgerWindow)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ledger:StockTable"] = Unique.Name("stock"),
            ["Ledger:CatalogueTable"] = Unique.Name("cat"),
            ["Ledger:SalesTable"] = Unique.Name("sales"),
            ["Ledger:AlertsQueue"] = Unique.Name("alerts"),
            ["Ledger:StockChangedQueue"] = Unique.Name("changed"),
            ["Ledger:StockChangedCopyQueue"] = Unique.Name("changedcopy"),
            ["Sync:StateTable"] = Unique.Name("sync"),
            ["Sync:PriceTable"] = Unique.Name("prices"),
            ["Sync:FeedsContainer"] = Unique.Name("feeds"),
        };
        if (window is { } batchWindow)
        {
            settings["Sync:BatchWindow"] = batchWindow.ToString("c", CultureInfo.InvariantCulture);
        }

        if (ledgerWindow is { } changedWindow)
        {
            settings["Ledger:StockChangedWindow"] = changedWindow.ToString("c", CultureInfo.InvariantCulture);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(account);
        services.AddSingleton(TimeProvider.System);
        services.AddLedger(configuration);
        services.AddSync(configuration);
        foreach (var channel in channels)
        {
            services.AddSingleton<IChannelClient>(channel);
        }

        return services.BuildServiceProvider();
    }

    private static async Task SetupAsync(ServiceProvider services, IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var catalogue = services.GetRequiredService<CatalogueStore>();
        var ledger = services.GetRequiredService<StockLedger>();
        await catalogue.UpsertLocationAsync(new Location("wh", "Warehouse", LocationKind.Warehouse), cancellationToken);
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (sku, ct) =>
        {
            await catalogue.UpsertProductAsync(new Product(sku, sku), ct);
            foreach (var channel in Channels)
            {
                await catalogue.UpsertListingAsync(new ChannelListing(channel, "main", $"{channel}-{sku}", null, sku, new StockRule(BufferUnits: 1)), ct);
            }

            await ledger.RecordAsync(new MovementCommand(sku, MovementKind.Receipt, "wh", 100_000, "open-" + sku, null, null, null), ct);
        });
    }

    private static TimeSpan? OptionalMilliseconds(string[] args, string name) =>
        Array.IndexOf(args, name) >= 0 ? TimeSpan.FromMilliseconds(BenchArgs.Int(args, name, 0)) : null;

    /// <summary>Runs the queue function's handler on every visible stock-changed message, <c>parallel</c> at a time.</summary>
    private sealed class Consumer(ServiceProvider services, QueueClient queue)
    {
        /// <summary>Drains until no message is left, including trailing ones not visible yet (a burst's, at its window's end).</summary>
        public async Task DrainAllAsync(int parallel, CancellationToken cancellationToken)
        {
            await DrainAsync(parallel, cancellationToken);
            while ((await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
                await DrainAsync(parallel, cancellationToken);
            }
        }

        public async Task DrainAsync(int parallel, CancellationToken cancellationToken)
        {
            while (true)
            {
                var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken)).Value;
                if (messages.Length == 0)
                {
                    return;
                }

                await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (m, ct) =>
                {
                    using var scope = services.CreateScope();
                    await ActivatorUtilities.CreateInstance<PushFunctions>(scope.ServiceProvider).StockChangedAsync(m, ct);
                    await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct);
                });
            }
        }
    }
}
