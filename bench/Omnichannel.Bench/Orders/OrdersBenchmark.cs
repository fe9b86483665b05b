using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
using Omnichannel.Testing;

namespace Omnichannel.Bench.Orders;

/// <summary>
/// Orders per second end to end and storage requests per order: signed Shopify webhooks are ingested (verify,
/// archive, dedupe, queue), the channel order queue is consumed as the hub's queue trigger does, each flow
/// receives, matches, reserves, requests fulfilment, gets its shipment confirmation (raised at start, so no
/// human wait), ships in the ledger and reports tracking to an in-memory channel. Durable, ledger, channels and
/// orders run in one process on the private Azurite.
/// Options: <c>--orders N</c> (default 200), <c>--skus N</c> (catalogue SKUs the orders spread over, default 8).
/// </summary>
public sealed class OrdersBenchmark : IBenchmarkCommand
{
    private const string Secret = "bench-secret-0123456789";

    public string Name => "orders";

    public string Description => "Order flows/s end to end (webhook to tracking reported) and storage requests per order";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var orders = Option(args, "--orders", 200);
        var skus = Option(args, "--skus", 8);
        var storage = await Azurite.AccountAsync();
        var channel = new InMemoryChannel();
        await using var app = await StartAsync(storage, channel, cancellationToken);
        var services = app.Services;
        await SeedAsync(services, skus, orders, cancellationToken);
        Console.WriteLine($"Flows: {orders} Shopify orders over {skus} SKUs, one line each, warehouse fulfilment; activities inline (default settings).");

        await RunAsync(services, storage, channel, "warm-up", 0, Math.Min(20, orders), skus, cancellationToken);
        await RunAsync(services, storage, channel, "orders", 1_000_000, orders, skus, cancellationToken);
        await app.StopAsync(cancellationToken);
        return 0;
    }

    private static async Task RunAsync(IServiceProvider services, StorageAccount storage, InMemoryChannel channel, string phase, long firstId, int count, int skus, CancellationToken cancellationToken)
    {
        var ingestor = services.GetRequiredService<WebhookIngestor>();
        var before = storage.Requests.Snapshot();
        var started = Stopwatch.GetTimestamp();
        var reportsBefore = channel.Reports;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var body = Encoding.UTF8.GetBytes(ShopifyOrder(firstId + i, $"BENCH-{i % skus}"));
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["X-Shopify-Hmac-SHA256"] = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)),
                ["X-Shopify-Topic"] = "orders/create",
                ["X-Shopify-Event-Id"] = (firstId + i).ToString(CultureInfo.InvariantCulture),
            };
            await ingestor.IngestAsync(new WebhookDelivery("shopify", "bench", TimeProvider.System.GetUtcNow(), "http://127.0.0.1/api/webhooks/shopify/bench", headers, body), "bench", ct);
        });
        var ingested = Stopwatch.GetElapsedTime(started);
        var afterIngest = storage.Requests.Snapshot();

        await ConsumeAsync(services, count, cancellationToken);
        while (channel.Reports - reportsBefore < count)
        {
            await Task.Delay(20, cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var flows = storage.Requests.Snapshot() - afterIngest;
        var ingest = afterIngest - before;
        Console.WriteLine(
            $"{phase,-8} {count,5} orders in {elapsed.TotalSeconds,6:F2} s = {count / elapsed.TotalSeconds,6:F1} orders/s end to end (ingest alone {count / ingested.TotalSeconds:F0}/s). " +
            $"Storage requests per order: ingest {(double)ingest.Total / count:F1} (table {(double)ingest.Tables / count:F1}, queue {(double)ingest.Queues / count:F1}, blob {(double)ingest.Blobs / count:F1}); " +
            $"flow {(double)flows.Total / count:F1} (table {(double)flows.Tables / count:F1}, queue {(double)flows.Queues / count:F1}, blob {(double)flows.Blobs / count:F1})");
    }

    /// <summary>Takes the channel order queue as the hub's queue trigger does: handle, then delete; raises each shipment at once.</summary>
    private static async Task ConsumeAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var queue = services.GetRequiredService<ChannelStorage>().Orders;
        var client = services.GetRequiredService<DurableTaskClient>();
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
                var shipment = new ShipmentConfirmation("DHL", "T" + message.ChannelOrderId, null, TimeProvider.System.GetUtcNow(), []);
                await client.RaiseEventAsync(id, OrderEvents.ShipmentConfirmed, shipment, cancellationToken);
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, cancellationToken);
            }));
            handled += batch.Length;
        }
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

    private static async Task<WebApplication> StartAsync(StorageAccount storage, InMemoryChannel channel, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:shopify:bench:Secret"] = Secret,
            ["Channels:Ingestion:ArchiveContainer"] = Unique.Name("benchord"),
            ["Channels:Ingestion:OrderQueue"] = Unique.Name("benchord"),
            ["Channels:Ingestion:DedupeTable"] = Unique.Name("benchdedupe"),
            ["Channels:Ingestion:QuarantineTable"] = Unique.Name("benchquar"),
            ["Channels:Ingestion:CursorTable"] = Unique.Name("benchcursor"),
            ["AzureWebJobsStorage"] = await Azurite.ConnectionStringAsync(),
            [$"{LocalDurableOptions.Section}:hubName"] = Unique.Name("benchhub"),
            ["Ledger:StockTable"] = Unique.Name("benchstock"),
            ["Ledger:CatalogueTable"] = Unique.Name("benchcat"),
            ["Ledger:SalesTable"] = Unique.Name("benchsales"),
            ["Ledger:AlertsQueue"] = Unique.Name("benchalerts"),
            ["Ledger:StockChangedQueue"] = Unique.Name("benchchanged"),
            ["Orders:OrdersTable"] = Unique.Name("benchorders"),
            ["Orders:AlertsQueue"] = Unique.Name("benchoalerts"),
        });
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(TimeProvider.System);
        var functions = typeof(OrderFlow).Assembly.GetTypes().SelectMany(t => t.GetMethods()).Where(m => m.IsDefined(typeof(FunctionAttribute), inherit: false));
        builder.Services.AddLocalDurable(builder.Configuration, functions);
        builder.Services.AddLedger(builder.Configuration);
        builder.Services.AddChannels(builder.Configuration);
        builder.Services.AddOrders(builder.Configuration);
        builder.Services.AddSingleton<IOrderChannels>(channel);
        var app = builder.Build();
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static string ShopifyOrder(long id, string sku) =>
        $$"""{"id":{{id}},"name":"#{{id}}","email":"b@example.com","created_at":"2026-11-25T09:00:00Z","updated_at":"2026-11-25T09:00:01Z","cancelled_at":null,"currency":"EUR","financial_status":"paid","shipping_address":{"name":"A B","address1":"Main 1","city":"Berlin","zip":"10115","country_code":"DE"},"line_items":[{"id":{{id * 10}},"product_id":1,"variant_id":2,"sku":"{{sku}}","title":"t","quantity":1,"price":"9.90"}],"shipping_lines":[{"code":"standard"}]}""";

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

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
