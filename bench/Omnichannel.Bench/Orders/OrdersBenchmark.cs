using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Bench.Durable;
using Omnichannel.Channels;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Storage;
using Omnichannel.Ledger;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.LocalHost.Durable;
using Omnichannel.Orders;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Model;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Telemetry;
using Omnichannel.Testing;

namespace Omnichannel.Bench.Orders;

/// <summary>
/// Orders per second end to end and storage requests per order: signed Shopify webhooks are ingested (verify,
/// archive, queue the delivery) and forwarded (<c>ChannelsWebhookForward</c>: read, dedupe, queue the order), the channel order queue is consumed as the hub's queue trigger does, each flow
/// receives, matches, reserves, requests fulfilment, gets its shipment confirmation (raised as soon as the flow
/// has started, so no human wait), ships in the ledger and reports tracking to an in-memory channel. Durable, ledger, channels and
/// orders run in one process on the private Azurite, once per configuration (<c>naive</c>: Durable defaults;
/// <c>tuned</c>: the app's host.json <c>extensions.durableTask</c>), each with its own tables, queues and task hub,
/// rounds alternated. Requests are counted by service for the app's own clients and, apart, for the durable engine's
/// (a pipeline policy on the provider's clients); the bench's status polls while it waits for the flows' last
/// checkpoint are not counted. Options: <c>--orders N</c> per round (default 100), <c>--rounds N</c> (default 2),
/// <c>--config naive|tuned|both</c> (default both), <c>--skus N</c> (catalogue SKUs the orders spread over, default 8).
/// </summary>
public sealed class OrdersBenchmark : IBenchmarkCommand
{
    private const string Secret = "bench-secret-0123456789";

    public string Name => "orders";

    public string Description => "Order flows/s end to end (webhook to tracking reported) and storage requests per order";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var orders = BenchArgs.Int(args, "--orders", 100);
        var skus = BenchArgs.Int(args, "--skus", 8);
        var rounds = BenchArgs.Int(args, "--rounds", 2);
        var configurations = (BenchArgs.Text(args, "--config") ?? "both") switch
        {
            "naive" => new[] { "naive" },
            "tuned" => ["tuned"],
            _ => ["naive", "tuned"],
        };
        var tuned = BenchDurableHost.AppHostJsonDurableTask();
        tuned.Remove("hubName");
        Console.WriteLine($"Flows: {orders} Shopify orders per run over {skus} SKUs, one line each, warehouse fulfilment; {rounds} rounds, configurations alternated.");
        Console.WriteLine($"naive: Durable defaults. tuned (the app's host.json): {string.Join(", ", tuned.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}");
        var apps = new List<BenchApp>();
        try
        {
            foreach (var name in configurations)
            {
                apps.Add(await StartAsync(name, name == "tuned" ? tuned : new Dictionary<string, string?>(), skus, orders * rounds, cancellationToken));
            }

            foreach (var app in apps)
            {
                await RunAsync(app, "warm-up", 0, Math.Min(20, orders), skus, cancellationToken);
            }

            var results = new List<(string App, OrdersRun Run)>();
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var app in round % 2 == 1 ? apps : Enumerable.Reverse(apps))
                {
                    results.Add((app.Name, await RunAsync(app, $"round {round}", 1_000_000 * round, orders, skus, cancellationToken)));
                }
            }

            Console.WriteLine();
            Console.WriteLine("| configuration | orders/s end to end (per round) | storage requests per order, flow: total (table / queue / blob) | of which the durable engine | of which the app | ingest per order |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var app in apps)
            {
                var mine = results.Where(r => r.App == app.Name).Select(r => r.Run).ToList();
                var count = mine.Sum(r => r.Count);
                var engine = Sum(mine.Select(r => r.Engine));
                var own = Sum(mine.Select(r => r.App));
                Console.WriteLine(
                    $"| {app.Name} | {count / mine.Sum(r => r.Elapsed.TotalSeconds):F1} ({string.Join(", ", mine.Select(r => (r.Count / r.Elapsed.TotalSeconds).ToString("F1", CultureInfo.InvariantCulture)))}) | " +
                    $"{Per(Sum([engine, own]), count)} | {Per(engine, count)} | {Per(own, count)} | {Per(Sum(mine.Select(r => r.Ingest)), count)} |");
            }

            if (apps.Count == 2)
            {
                double Rate(string n) => results.Where(r => r.App == n).Sum(r => r.Run.Count) / results.Where(r => r.App == n).Sum(r => r.Run.Elapsed.TotalSeconds);
                double Requests(string n) => (double)results.Where(r => r.App == n).Sum(r => r.Run.Engine.Total + r.Run.App.Total) / results.Where(r => r.App == n).Sum(r => r.Run.Count);
                Console.WriteLine($"tuned/naive: orders/s {Rate("tuned") / Rate("naive"):F2}x, flow requests per order {Requests("tuned") / Requests("naive"):F2}x. Old runtime (same bench, earlier): 29.6 orders/s, 32.4 requests per order.");
            }
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }

        return 0;
    }

    private static StorageRequestCounts Sum(IEnumerable<StorageRequestCounts> counts) =>
        counts.Aggregate(default(StorageRequestCounts), (a, b) => new StorageRequestCounts(a.Tables + b.Tables, a.Queues + b.Queues, a.Blobs + b.Blobs));

    private static string Per(StorageRequestCounts requests, int count) =>
        $"{(double)requests.Total / count:F1} ({(double)requests.Tables / count:F1} / {(double)requests.Queues / count:F1} / {(double)requests.Blobs / count:F1})";

    private static async Task<OrdersRun> RunAsync(BenchApp app, string phase, long firstId, int count, int skus, CancellationToken cancellationToken)
    {
        var services = app.Web.Services;
        var (storage, engine, channel) = (app.Storage, app.Engine, app.Channel);
        var ingestor = services.GetRequiredService<WebhookIngestor>();
        var before = storage.Requests.Snapshot();
        var started = Stopwatch.GetTimestamp();
        var reportsBefore = channel.Reports;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var body = Encoding.UTF8.GetBytes(ShopifyOrder(firstId + i, $"BENCH-{i % skus}"));
            var headers = DemoWebhooks.ShopifyHeaders(Secret, body, (firstId + i).ToString(CultureInfo.InvariantCulture));
            await ingestor.IngestAsync(new WebhookDelivery("shopify", "bench", TimeProvider.System.GetUtcNow(), "http://127.0.0.1/api/webhooks/shopify/bench", headers, body), "bench", ct);
        });
        await ForwardAsync(services, count, cancellationToken);
        var ingested = Stopwatch.GetElapsedTime(started);
        var afterIngest = storage.Requests.Snapshot();
        var engineBefore = engine.Snapshot();

        var ids = await ConsumeAsync(services, engine, count, cancellationToken);
        var client = services.GetRequiredService<DurableTaskClient>();
        var (progress, progressed) = (channel.Reports, Stopwatch.GetTimestamp());
        while (channel.Reports - reportsBefore < count)
        {
            await Task.Delay(20, cancellationToken);
            if (channel.Reports != progress)
            {
                (progress, progressed) = (channel.Reports, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(progressed) > TimeSpan.FromSeconds(30))
            {
                await ReportStallAsync(app, client, ids, channel.Reports - reportsBefore, count, cancellationToken);
                progressed = Stopwatch.GetTimestamp();
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);

        // The flow's last checkpoint follows the report: wait for every instance to end (these polls not counted).
        foreach (var id in ids)
        {
            var done = await engine.UncountedAsync(() => client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, cancellationToken));
            if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                throw new InvalidOperationException($"{app.Name}: order {id} ended {done.RuntimeStatus}.");
            }
        }

        var run = new OrdersRun(count, elapsed, afterIngest - before, storage.Requests.Snapshot() - afterIngest, engine.Snapshot() - engineBefore);
        var flow = Sum([run.App, run.Engine]);
        Console.WriteLine(
            $"{app.Name,-5} {phase,-8} {count,5} orders in {elapsed.TotalSeconds,6:F2} s = {count / elapsed.TotalSeconds,6:F1} orders/s end to end (ingest and forward alone {count / ingested.TotalSeconds:F0}/s). " +
            $"Storage requests per order: ingest {Per(run.Ingest, count)}; flow {Per(flow, count)}, of which engine {Per(run.Engine, count)}");
        return run;
    }

    /// <summary>No report for 30 s: prints how many flows are at which status (these reads not counted), to see where they wait.</summary>
    private static async Task ReportStallAsync(BenchApp app, DurableTaskClient client, List<string> ids, int reported, int count, CancellationToken cancellationToken)
    {
        var states = await Task.WhenAll(ids.Select(id => app.Engine.UncountedAsync(() => client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken))));
        var groups = states.GroupBy(m => m is null ? "missing" : $"{m.RuntimeStatus} {m.SerializedCustomStatus}").Select(g => $"{g.Count()} x {g.Key}");
        Console.WriteLine($"{app.Name}: stalled at {reported}/{count} reports; flows: {string.Join("; ", groups)}");
    }

    /// <summary>What <c>ChannelsWebhookForward</c> does for each delivery the ingest queued: forward its order to the channel order queue, then delete it.</summary>
    private static async Task ForwardAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var deliveries = services.GetRequiredService<ChannelStorage>().Deliveries;
        var forwarded = 0;
        while (forwarded < count)
        {
            QueueMessage[] batch = (await deliveries.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken)).Value;
            await Task.WhenAll(batch.Select(async m =>
            {
                await using var scope = services.CreateAsyncScope();
                await ActivatorUtilities.CreateInstance<DeliveryFunctions>(scope.ServiceProvider).ForwardAsync(m, cancellationToken);
                await deliveries.DeleteMessageAsync(m.MessageId, m.PopReceipt, cancellationToken);
            }));
            forwarded += batch.Length;
        }
    }

    /// <summary>Takes the channel order queue as the hub's queue trigger does: handle, then delete; raises each shipment at once.</summary>
    private static async Task<List<string>> ConsumeAsync(IServiceProvider services, StorageRequestCounter engine, int count, CancellationToken cancellationToken)
    {
        var queue = services.GetRequiredService<ChannelStorage>().Orders;
        var client = services.GetRequiredService<DurableTaskClient>();
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        var handled = 0;
        while (handled < count)
        {
            QueueMessage[] batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken)).Value;
            await Task.WhenAll(batch.Select(async m =>
            {
                await using var scope = services.CreateAsyncScope();
                await ActivatorUtilities.CreateInstance<IntakeFunctions>(scope.ServiceProvider).FromChannelsAsync(m, client, cancellationToken);
                var message = System.Text.Json.JsonSerializer.Deserialize<ChannelOrderMessage>(m.Body.ToString())!;
                var id = OrderId.For(message.Channel, message.Store, message.ChannelOrderId);
                ids.Add(id);
                // Raised once the flow has started (the bench's polls not counted): raised at once, before the
                // instance's first episode, some events were never delivered on the DTFx provider (flows stuck at
                // "Fulfilment requested"); a real shipment confirmation comes long after the start.
                await engine.UncountedAsync(() => client.WaitForInstanceStartAsync(id, getInputsAndOutputs: false, cancellationToken));
                var shipment = new ShipmentConfirmation("DHL", "T" + message.ChannelOrderId, null, TimeProvider.System.GetUtcNow(), []);
                await client.RaiseEventAsync(id, OrderEvents.ShipmentConfirmed, shipment, cancellationToken);
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, cancellationToken);
            }));
            handled += batch.Length;
        }

        return [.. ids];
    }

    private static async Task SeedAsync(IServiceProvider services, int skus, int orders, CancellationToken cancellationToken)
    {
        var catalogue = services.GetRequiredService<CatalogueStore>();
        var ledger = services.GetRequiredService<StockLedger>();
        await catalogue.UpsertLocationAsync(new Location("wh-bench", "Bench warehouse", LocationKind.Warehouse), cancellationToken);
        for (var i = 0; i < skus; i++)
        {
            await catalogue.UpsertProductAsync(new Product($"BENCH-{i}", $"Bench product {i}"), cancellationToken);
            await ledger.RecordAsync(new MovementCommand($"BENCH-{i}", MovementKind.Receipt, "wh-bench", (orders * 2) + 100, $"seed-{i}"), cancellationToken);
        }
    }

    private static async Task<BenchApp> StartAsync(string name, IReadOnlyDictionary<string, string?> durableTask, int skus, int orders, CancellationToken cancellationToken)
    {
        var storage = await Azurite.AccountAsync();
        var channel = new InMemoryChannel();
        var engine = new StorageRequestCounter();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // Every table, queue and container of every feature its own (as each test gets them), and its own task hub.
        var settings = TestStorage.UniqueNames(durableTask.ToDictionary(p => $"{LocalDurableOptions.Section}:{p.Key}", p => p.Value));
        settings["Channels:shopify:bench:Secret"] = Secret;
        settings["AzureWebJobsStorage"] = await Azurite.ConnectionStringAsync();
        settings[TestStorage.TaskHubSetting] = Unique.Name("benchhub" + name);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(TimeProvider.System);
        var functions = typeof(OrderFlow).Assembly.GetTypes().SelectMany(t => t.GetMethods()).Where(m => m.IsDefined(typeof(FunctionAttribute), inherit: false));
        builder.Services.AddLocalDurable(builder.Configuration, functions);
        builder.Services.Configure<LocalDurableStorageClientOptions>(o => o.CountWith(engine));
        builder.Services.AddLedger(builder.Configuration);
        builder.Services.AddChannels(builder.Configuration);
        builder.Services.AddOrders(builder.Configuration);
        builder.Services.AddSingleton<IOrderChannels>(channel);
        var app = builder.Build();
        await app.StartAsync(cancellationToken);
        await app.Services.GetRequiredService<LocalDurableEngine>().Started.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        await SeedAsync(app.Services, skus, orders + 20, cancellationToken);
        return new BenchApp(name, app, storage, engine, channel);
    }

    /// <summary>One app (its own tables, queues and task hub) under one durable configuration, its requests counted apart.</summary>
    private sealed record BenchApp(string Name, WebApplication Web, StorageAccount Storage, StorageRequestCounter Engine, InMemoryChannel Channel) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Bounded: the engine's forced stop abandons work in flight, nothing here needs a graceful end.
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Web.StopAsync(stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await Web.DisposeAsync();
        }
    }

    /// <summary>One measured run: the app's own requests (ingest, then flow) and the durable engine's, by service.</summary>
    private sealed record OrdersRun(int Count, TimeSpan Elapsed, StorageRequestCounts Ingest, StorageRequestCounts App, StorageRequestCounts Engine);

    private static string ShopifyOrder(long id, string sku) =>
        $$"""{"id":{{id}},"name":"#{{id}}","email":"b@example.com","created_at":"2026-11-25T09:00:00Z","updated_at":"2026-11-25T09:00:01Z","cancelled_at":null,"currency":"EUR","financial_status":"paid","shipping_address":{"name":"A B","address1":"Main 1","city":"Berlin","zip":"10115","country_code":"DE"},"line_items":[{"id":{{id * 10}},"product_id":1,"variant_id":2,"sku":"{{sku}}","title":"t","quantity":1,"price":"9.90"}],"shipping_lines":[{"code":"standard"}]}""";


    /// <summary>A channel that accepts every report at once and counts them.</summary>
    private sealed class InMemoryChannel : IChannelClient, IOrderChannels
    {
        private int _reports;

        public string Channel => "bench";

        public int Reports => Volatile.Read(ref _reports);

        public IChannelClient Get(string channel) => this;

        public Task<ShipmentReceipt> ReportShipmentAsync(string store, ShipmentReport shipment, string idempotencyKey, CancellationToken cancellationToken) =>
            Task.FromResult(new ShipmentReceipt("f" + Interlocked.Increment(ref _reports)));

        public Task SetAvailableQuantityAsync(string store, ListingQuantity listing, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task AcknowledgeCancellationAsync(string store, string channelOrderId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<bool> ReportReadyForPickupAsync(string channel, string store, PickupReport report, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<ReturnReceipt?> ReportReturnAsync(string channel, string store, ReturnReport report, string idempotencyKey, CancellationToken cancellationToken) =>
            Task.FromResult<ReturnReceipt?>(new ReturnReceipt(idempotencyKey));
    }
}
