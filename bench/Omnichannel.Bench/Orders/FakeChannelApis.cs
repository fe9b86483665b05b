using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Bench.Orders;

/// <summary>
/// The demo accounts' channel APIs on <see cref="DemoWebhooks.FakeChannelUrl"/>, as <c>orders-demo</c> and <c>chaos</c>
/// run them: Shopify's fulfillmentCreate and the generic channel's routes, each answering success. Records each
/// shipment report's Idempotency-Key by order; with <paramref name="print"/>, writes each call to the console.
/// </summary>
internal sealed class FakeChannelApis(bool print)
{
    /// <summary>Order id to the Idempotency-Keys of the reports it received (a key twice is a harmless resend).</summary>
    public ConcurrentDictionary<string, List<string>> Reports { get; } = new(StringComparer.Ordinal);

    public async Task<WebApplication> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(DemoWebhooks.FakeChannelUrl);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/admin/api/{version}/graphql.json", () =>
        {
            Print("fake shopify: fulfillmentCreate received");
            return Results.Json(new { data = new { fulfillmentCreate = new { fulfillment = new { id = "gid://shopify/Fulfillment/1" }, userErrors = Array.Empty<object>() } } });
        });
        app.MapPost("/shipments", (HttpRequest r) =>
        {
            var key = r.Headers["Idempotency-Key"].ToString();
            var keys = Reports.GetOrAdd(key.Split(':')[0], _ => []);
            lock (keys)
            {
                keys.Add(key);
            }

            Print($"fake generic channel: shipment received (Idempotency-Key {key})");
            return Results.Json(new { id = "shp-" + Guid.NewGuid().ToString("N")[..8] });
        });
        app.MapPost("/returns", (HttpRequest r) =>
        {
            Print($"fake generic channel: return received (Idempotency-Key {r.Headers["Idempotency-Key"]})");
            return Results.Json(new { id = "ret-" + Guid.NewGuid().ToString("N")[..8] });
        });
        app.MapPost("/orders/{id}/cancellation-acknowledgements", () => Results.Json(new { }));
        app.MapPut("/listings/{sku}/quantity", () => Results.Json(new { }));
        await app.StartAsync(cancellationToken);
        return app;
    }

    private void Print(string line)
    {
        if (print)
        {
            Console.WriteLine(line);
        }
    }
}
