using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Omnichannel.Bench.Orders;

namespace Omnichannel.Bench.Chaos;

/// <summary>The demo accounts' channel API on <see cref="OrdersDemo.FakeChannelUrl"/>, recording each shipment report's Idempotency-Key by order.</summary>
internal sealed class FakeChannel
{
    /// <summary>Order id to the Idempotency-Keys of the reports it received (a key twice is a harmless resend).</summary>
    public ConcurrentDictionary<string, List<string>> Reports { get; } = new(StringComparer.Ordinal);

    public async Task<WebApplication> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(OrdersDemo.FakeChannelUrl);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/shipments", (HttpRequest r) =>
        {
            var key = r.Headers["Idempotency-Key"].ToString();
            var order = key.Split(':')[0];
            var keys = Reports.GetOrAdd(order, _ => []);
            lock (keys)
            {
                keys.Add(key);
            }

            return Results.Json(new { id = "shp-" + Guid.NewGuid().ToString("N")[..8] });
        });
        app.MapPost("/orders/{id}/cancellation-acknowledgements", () => Results.Json(new { }));
        app.MapPut("/listings/{sku}/quantity", () => Results.Json(new { }));
        app.MapPost("/admin/api/{version}/graphql.json", () => Results.Json(new { data = new { } }));
        await app.StartAsync(cancellationToken);
        return app;
    }
}
