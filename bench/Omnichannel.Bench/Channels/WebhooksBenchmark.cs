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
using Omnichannel.Channels;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Storage.Connection;
using Omnichannel.Testing;

namespace Omnichannel.Bench.Channels;

/// <summary>
/// Webhook acknowledgements per second and latency with 64 concurrent clients on loopback. The channels
/// feature runs in-process on a real Kestrel port on 127.0.0.1 with its HTTP functions mapped as the hub maps
/// them (the webhook routes are anonymous, so the hub's key filter would pass them through).
/// Options: <c>--requests N</c> (default 4000), <c>--clients N</c> (default 64).
/// </summary>
public sealed class WebhooksBenchmark : IBenchmarkCommand
{
    private const string Secret = "bench-secret-0123456789";

    /// <summary>A Shopify orders/create body in the documented REST shape (ids replaced per request).</summary>
    private const string ShopifyOrder = @"{""id"":820982911946154508,""admin_graphql_api_id"":""gid:\/\/shopify\/Order\/820982911946154508"",""name"":""#9999"",""email"":""jon@example.com"",""phone"":null,""created_at"":""2026-11-25T08:55:00-05:00"",""updated_at"":""2026-11-25T08:55:01-05:00"",""cancelled_at"":null,""currency"":""USD"",""financial_status"":""paid"",""customer"":{""id"":115310627314723954,""email"":""john@example.com"",""first_name"":""John"",""last_name"":""Smith""},""shipping_address"":{""first_name"":""Steve"",""last_name"":""Shipper"",""address1"":""123 Shipping Street"",""address2"":null,""city"":""Shippington"",""province_code"":""KY"",""zip"":""40003"",""country_code"":""US"",""phone"":""555-555-SHIP"",""name"":""Steve Shipper""},""line_items"":[{""id"":866550311766439020,""product_id"":632910392,""variant_id"":808950810,""sku"":""IPOD2008PINK"",""title"":""IPod Nano - 8GB \u0026 case"",""quantity"":1,""price"":""199.00""},{""id"":141249953214522974,""product_id"":632910393,""variant_id"":49148385,""sku"":""IPOD2008RED"",""title"":""IPod Nano - 8GB"",""quantity"":2,""price"":""199.00""}],""shipping_lines"":[{""code"":""Standard"",""title"":""Standard Shipping"",""price"":""10.00""}]}";

    public string Name => "webhooks";

    public string Description => "Webhook acks/s and p50/p99 latency, 64 concurrent clients on loopback (Kestrel, Azurite)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var requests = Option(args, "--requests", 4000);
        var clients = Option(args, "--clients", 64);
        var storage = await Azurite.AccountAsync();
        await using var app = await StartAsync(storage, cancellationToken);
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(baseUrl) };
        var template = ShopifyOrder;

        Console.WriteLine($"Hub: channels feature on Kestrel {baseUrl}; {clients} concurrent clients; {requests} webhooks per phase.");
        await RunPhaseAsync("warm-up", http, template, 0, 256, clients, storage, sign: true, cancellationToken);
        await RunPhaseAsync("new orders (202)", http, template, 1_000_000, requests, clients, storage, sign: true, cancellationToken);
        await RunPhaseAsync("same deliveries again (200 duplicate)", http, template, 1_000_000, requests, clients, storage, sign: true, cancellationToken);
        await RunPhaseAsync("tampered signatures (401)", http, template, 2_000_000, requests, clients, storage, sign: false, cancellationToken);
        await app.StopAsync(cancellationToken);
        return 0;
    }

    private static async Task RunPhaseAsync(string phase, HttpClient http, string template, int firstId, int count, int clients, StorageAccount storage, bool sign, CancellationToken cancellationToken)
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
                    var body = Encoding.UTF8.GetBytes(template.Replace("\"id\":820982911946154508", $"\"id\":{firstId + i}", StringComparison.Ordinal));
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
            $"{phase,-40} {count / elapsed.TotalSeconds,8:F0} acks/s  p50 {Percentile(latencies, 0.50),7:F1} ms  p99 {Percentile(latencies, 0.99),7:F1} ms  " +
            $"max {latencies[^1],7:F1} ms  [{byStatus}]  storage requests/webhook {(double)used.Total / count:F2} " +
            $"(table {(double)used.Tables / count:F2}, queue {(double)used.Queues / count:F2}, blob {(double)used.Blobs / count:F2})");
    }

    private static async Task<WebApplication> StartAsync(StorageAccount storage, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:shopify:bench:Secret"] = Secret,
            ["Channels:Ingestion:ArchiveContainer"] = Unique.Name("benchwebhooks"),
            ["Channels:Ingestion:OrderQueue"] = Unique.Name("benchorders"),
            ["Channels:Ingestion:DedupeTable"] = Unique.Name("benchdedupe"),
            ["Channels:Ingestion:QuarantineTable"] = Unique.Name("benchquar"),
            ["Channels:Ingestion:CursorTable"] = Unique.Name("benchcursor"),
        });
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

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
