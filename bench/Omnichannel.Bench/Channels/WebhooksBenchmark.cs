using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Channels;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Storage;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Telemetry;
using Omnichannel.Testing;

namespace Omnichannel.Bench.Channels;

/// <summary>
/// Webhook acknowledgements per second and latency with 64 concurrent clients on loopback, with the shipped settings.
/// The channels feature runs in-process on a real Kestrel port on 127.0.0.1 with its webhook function mapped as the hub
/// maps it; the forward stage (<c>ChannelsWebhookForward</c>) runs beside it as the queue trigger does (host.json: 16 at a
/// time, polling backing off to 2 s), on its own storage client, so the requests before the answer and after it are
/// counted apart. Storage: the test Azurite (in memory), or <c>HUB_TEST_STORAGE</c> (e.g. a disk-backed Azurite).
/// Options: <c>--requests N</c> (default 2000), <c>--clients N</c> (default 64), <c>--forward off</c> (answer path alone).
/// </summary>
public sealed class WebhooksBenchmark : IBenchmarkCommand
{
    private const string Secret = "bench-secret-0123456789";

    /// <summary>A Shopify orders/create body in the documented REST shape (ids replaced per request).</summary>
    private const string ShopifyOrder = @"{""id"":820982911946154508,""admin_graphql_api_id"":""gid:\/\/shopify\/Order\/820982911946154508"",""name"":""#9999"",""email"":""jon@example.com"",""phone"":null,""created_at"":""2026-11-25T08:55:00-05:00"",""updated_at"":""2026-11-25T08:55:01-05:00"",""cancelled_at"":null,""currency"":""USD"",""financial_status"":""paid"",""customer"":{""id"":115310627314723954,""email"":""john@example.com"",""first_name"":""John"",""last_name"":""Smith""},""shipping_address"":{""first_name"":""Steve"",""last_name"":""Shipper"",""address1"":""123 Shipping Street"",""address2"":null,""city"":""Shippington"",""province_code"":""KY"",""zip"":""40003"",""country_code"":""US"",""phone"":""555-555-SHIP"",""name"":""Steve Shipper""},""line_items"":[{""id"":866550311766439020,""product_id"":632910392,""variant_id"":808950810,""sku"":""IPOD2008PINK"",""title"":""IPod Nano - 8GB \u0026 case"",""quantity"":1,""price"":""199.00""},{""id"":141249953214522974,""product_id"":632910393,""variant_id"":49148385,""sku"":""IPOD2008RED"",""title"":""IPod Nano - 8GB"",""quantity"":2,""price"":""199.00""}],""shipping_lines"":[{""code"":""Standard"",""title"":""Standard Shipping"",""price"":""10.00""}]}";

    /// <summary>host.json <c>extensions.queues.batchSize</c> and <c>maxPollingInterval</c>, as the queue trigger takes messages.</summary>
    private const int ForwardBatch = 16;
    private static readonly TimeSpan MaxPolling = TimeSpan.FromSeconds(2);

    public string Name => "webhooks";

    public string Description => "Webhook acks/s, p50/p95/p99, storage requests per webhook before and after the answer; 64 concurrent clients (Kestrel, Azurite)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var requests = BenchArgs.Int(args, "--requests", 2000);
        var clients = BenchArgs.Int(args, "--clients", 64);
        var forward = !args.Contains("off", StringComparer.Ordinal);
        var settings = Settings();
        var storage = await Azurite.AccountAsync();
        var forwardStorage = await Azurite.AccountAsync();
        await using var app = await StartAsync(storage, settings, cancellationToken);
        await using var forwarder = CreateForwarder(forwardStorage, settings);
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(baseUrl) };
        var options = app.Services.GetRequiredService<IOptions<ChannelsOptions>>().Value;

        Console.WriteLine($"Storage: {storage.Description}{(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HUB_TEST_STORAGE")) ? " (test Azurite, in memory)" : " (HUB_TEST_STORAGE)")}");
        Console.WriteLine(
            $"Settings (shipped defaults): MaxBodyBytes={options.MaxBodyBytes}, RedeliveryGrace={options.RedeliveryGrace}, DeliveryQueue={options.DeliveryQueue} (per-run name), " +
            $"forward stage {(forward ? $"on, {ForwardBatch} at a time, polling up to {MaxPolling.TotalSeconds:F0} s" : "off")}; {clients} concurrent clients; {requests} webhooks per phase; Kestrel {baseUrl}");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var forwarding = forward ? Task.Run(() => ForwardLoopAsync(forwarder, stop.Token), CancellationToken.None) : Task.CompletedTask;

        var forwardBefore = forwardStorage.Requests.Snapshot();
        await RunPhaseAsync("warm-up", http, 0, 256, clients, storage, sign: true, cancellationToken);
        await DrainAsync(forward, forwarder, forwardStorage, forwardBefore, 256, cancellationToken);
        forwardBefore = forwardStorage.Requests.Snapshot();
        await RunPhaseAsync("new orders (202)", http, 1_000_000, requests, clients, storage, sign: true, cancellationToken);
        await DrainAsync(forward, forwarder, forwardStorage, forwardBefore, requests, cancellationToken);
        await RunPhaseAsync("same deliveries again (200 duplicate)", http, 1_000_000, requests, clients, storage, sign: true, cancellationToken);
        await RunPhaseAsync("tampered signatures (401)", http, 2_000_000, requests, clients, storage, sign: false, cancellationToken);
        await stop.CancelAsync();
        await forwarding;
        await app.StopAsync(cancellationToken);
        return 0;
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Channels:shopify:bench:Secret"] = Secret,
        ["Channels:Ingestion:ArchiveContainer"] = Unique.Name("benchwebhooks"),
        ["Channels:Ingestion:OrderQueue"] = Unique.Name("benchorders"),
        ["Channels:Ingestion:DeliveryQueue"] = Unique.Name("benchdeliveries"),
        ["Channels:Ingestion:DedupeTable"] = Unique.Name("benchdedupe"),
        ["Channels:Ingestion:QuarantineTable"] = Unique.Name("benchquar"),
        ["Channels:Ingestion:CursorTable"] = Unique.Name("benchcursor"),
    };

    private static async Task RunPhaseAsync(string phase, HttpClient http, int firstId, int count, int clients, StorageAccount storage, bool sign, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var statuses = new int[count];
        var next = -1;
        var before = storage.Requests.Snapshot();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    var body = Encoding.UTF8.GetBytes(ShopifyOrder.Replace("\"id\":820982911946154508", $"\"id\":{firstId + i}", StringComparison.Ordinal));
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/shopify/bench") { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new("application/json");
                    var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
                    request.Headers.Add("X-Shopify-Hmac-SHA256", sign ? signature : (signature[0] == 'A' ? "B" : "A") + signature[1..]);
                    request.Headers.Add("X-Shopify-Topic", "orders/create");
                    request.Headers.Add("X-Shopify-Event-Id", (firstId + i).ToString(CultureInfo.InvariantCulture));
                    var sent = Stopwatch.GetTimestamp();
                    using var response = await http.SendAsync(request, cancellationToken);
                    latencies[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    statuses[i] = (int)response.StatusCode;
                }
            },
            cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var used = storage.Requests.Snapshot() - before;
        Array.Sort(latencies);
        var byStatus = string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
        Console.WriteLine(
            $"{phase,-40} {count / elapsed.TotalSeconds,6:F0} acks/s  p50 {Percentile(latencies, 0.50),6:F1} ms  p95 {Percentile(latencies, 0.95),6:F1} ms  p99 {Percentile(latencies, 0.99),6:F1} ms  " +
            $"max {latencies[^1],6:F1} ms  [{byStatus}]  storage requests/webhook before the answer {(double)used.Total / count:F2} " +
            $"(table {(double)used.Tables / count:F2}, queue {(double)used.Queues / count:F2}, blob {(double)used.Blobs / count:F2})");
    }

    /// <summary>Waits until the forward stage has handled every handed-on delivery; reports how long that took after the last answer and what it cost.</summary>
    private static async Task DrainAsync(bool forward, ServiceProvider forwarder, StorageAccount storage, StorageRequestCounts before, int count, CancellationToken cancellationToken)
    {
        if (!forward)
        {
            return;
        }

        var channelStorage = forwarder.GetRequiredService<ChannelStorage>();
        var started = Stopwatch.GetTimestamp();
        while ((await channelStorage.Deliveries.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount > 0)
        {
            await Task.Delay(100, cancellationToken);
        }

        var orders = (await channelStorage.Orders.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        Console.WriteLine(
            $"{"  forward stage",-40} all forwarded {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s after the last answer; " +
            $"{orders} order messages queued; forward stage storage requests/webhook {(double)(storage.Requests.Snapshot() - before).Total / count:F2} (with its idle polling)");
        await channelStorage.Orders.ClearMessagesAsync(cancellationToken);
    }

    /// <summary>What the queue trigger does for <c>ChannelsWebhookForward</c>: take up to 16, run each, delete on success, back off when empty.</summary>
    private static async Task ForwardLoopAsync(ServiceProvider services, CancellationToken stop)
    {
        var storage = services.GetRequiredService<ChannelStorage>();
        await storage.EnsureCreatedAsync(stop);
        var idle = TimeSpan.FromMilliseconds(50);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var messages = (await storage.Deliveries.ReceiveMessagesAsync(ForwardBatch, TimeSpan.FromSeconds(30), stop)).Value;
                if (messages.Length == 0)
                {
                    await Task.Delay(idle, stop);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, MaxPolling.Ticks));
                    continue;
                }

                idle = TimeSpan.FromMilliseconds(50);
                await Task.WhenAll(messages.Select(async m =>
                {
                    await using var scope = services.CreateAsyncScope();
                    try
                    {
                        await ActivatorUtilities.CreateInstance<DeliveryFunctions>(scope.ServiceProvider).ForwardAsync(m, stop);
                        await storage.Deliveries.DeleteMessageAsync(m.MessageId, m.PopReceipt, stop);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // Left for the retry, as the trigger would.
                        await storage.Deliveries.UpdateMessageAsync(m.MessageId, m.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(1), cancellationToken: stop);
                    }
                }));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static ServiceProvider CreateForwarder(StorageAccount storage, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(storage);
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddChannels(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task<WebApplication> StartAsync(StorageAccount storage, Dictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddChannels(builder.Configuration);
        var app = builder.Build();
        // The webhook function the benchmark calls, created per request from its scope as the worker does.
        app.MapPost("/api/webhooks/{channel}/{store}", (HttpRequest request, string channel, string store, CancellationToken ct) =>
            ActivatorUtilities.CreateInstance<WebhookFunctions>(request.HttpContext.RequestServices).ReceiveStoreAsync(request, channel, store, ct));

        await app.StartAsync(cancellationToken);
        return app;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
