using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Omnichannel.Bench.Orders;

/// <summary>
/// The order demo against a running hub (<c>dotnet run --project functions/Omnichannel.LocalHost</c> with the demo
/// settings of the README): serves fake channel APIs on <c>http://127.0.0.1:7072</c> (<see cref="FakeChannelApis"/>), sends signed orders from
/// Shopify (shipped from the warehouse), Amazon (FBA), Rakuten (click-and-collect, and one with an unknown SKU
/// that operations map), confirms the shipments, returns the cap to the store and prints each order's path and the ledger's stock.
/// Options: <c>--hub URL</c> (default http://127.0.0.1:7071), <c>--key KEY</c> (default the local function key).
/// </summary>
public sealed class OrdersDemo : IBenchmarkCommand
{
    public string Name => "orders-demo";

    public string Description => "Sends demo orders from several channels to a running hub and follows them to completion";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var hubUrl = BenchArgs.Text(args, "--hub") ?? "http://127.0.0.1:7071";
        var key = BenchArgs.Text(args, "--key") ?? "local-function-key-change-me";
        await using var fake = await new FakeChannelApis(print: true).StartAsync(cancellationToken);
        using var hub = new HttpClient { BaseAddress = new Uri(hubUrl) };
        hub.DefaultRequestHeaders.Add("x-functions-key", key);
        var run = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

        var shopifyId = run.ToString(CultureInfo.InvariantCulture);
        await SendShopifyAsync(hub, run, cancellationToken);
        await SendGenericAsync(hub, "amazon", $"AMZ-{run}", new { kind = "fulfilled_by_channel", network = "AFN" }, "DEMO-TEE", 1, cancellationToken);
        await SendGenericAsync(hub, "rakuten", $"RK-{run}", new { kind = "pickup_in_store", location = "store-berlin" }, "DEMO-MUG", 1, cancellationToken);
        await SendGenericAsync(hub, "rakuten", $"RK-{run}-2", new { kind = "ship" }, "VENDOR-CAP-42", 1, cancellationToken);

        await FollowAsync(hub, $"shopify_demo_{shopifyId}", "DHL", fulfilmentOrder: "gid://shopify/FulfillmentOrder/1", mapTo: null, cancellationToken);
        await FollowAsync(hub, $"amazon_demo_AMZ-{run}", null, null, null, cancellationToken);
        await FollowAsync(hub, $"rakuten_demo_RK-{run}", "pickup", null, null, cancellationToken);
        await FollowAsync(hub, $"rakuten_demo_RK-{run}-2", "UPS", null, mapTo: "DEMO-CAP", cancellationToken);
        await ReturnAsync(hub, $"rakuten_demo_RK-{run}-2", cancellationToken);

        var tee = await hub.GetStringAsync(new Uri("/api/stock/DEMO-TEE", UriKind.Relative), cancellationToken);
        Console.WriteLine($"Ledger, DEMO-TEE: {tee}");
        return 0;
    }

    private static async Task FollowAsync(HttpClient hub, string id, string? carrier, string? fulfilmentOrder, string? mapTo, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(1);
        string? last = null;
        string? actedOn = null;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            using var response = await hub.GetAsync(new Uri($"/api/orders/{id}", UriKind.Relative), cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                using var order = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                var summary = order.RootElement.GetProperty("summary");
                var status = summary.GetProperty("status").GetString();
                if (status != last)
                {
                    Console.WriteLine($"{id,-36} {status,-16} {(summary.TryGetProperty("detail", out var d) ? d.GetString() : null)}");
                    last = status;
                }

                switch (status)
                {
                    case "Completed" or "Cancelled" or "Failed":
                        return;
                    case "NeedsAttention" when mapTo is not null:
                        var line = order.RootElement.GetProperty("order").GetProperty("lines")[0].GetProperty("channelLineId").GetString();
                        (await hub.PostAsJsonAsync(new Uri($"/api/orders/{id}/map-sku", UriKind.Relative), new { lineId = line, sku = mapTo }, cancellationToken)).EnsureSuccessStatusCode();
                        Console.WriteLine($"{id,-36} operations mapped line {line} to {mapTo}");
                        mapTo = null;
                        break;
                    case "PreparingPickup" or "ReadyForPickup" when carrier is not null && status != actedOn:
                        actedOn = status;
                        var step = status == "PreparingPickup" ? "ready-for-pickup" : "picked-up";
                        (await hub.PostAsJsonAsync(new Uri($"/api/orders/{id}/{step}", UriKind.Relative), new { }, cancellationToken)).EnsureSuccessStatusCode();
                        Console.WriteLine($"{id,-36} the store said {step}");
                        break;
                    case "AwaitingShipment" when carrier is not null:
                        var shipment = new { carrier, trackingNumber = $"{carrier.ToUpperInvariant()}-{id.GetHashCode(StringComparison.Ordinal) & 0xFFFFFF:X6}", channelFulfilmentOrderId = fulfilmentOrder };
                        (await hub.PostAsJsonAsync(new Uri($"/api/shipments/{id}", UriKind.Relative), shipment, cancellationToken)).EnsureSuccessStatusCode();
                        carrier = null;
                        break;
                }
            }

            await Task.Delay(250, cancellationToken);
        }

        Console.WriteLine($"{id,-36} still {last ?? "unknown"} after a minute; see GET /api/orders/{id}");
    }

    /// <summary>The buyer brings the cap back to the Berlin store: restocked there as sellable, reported to the channel.</summary>
    private static async Task ReturnAsync(HttpClient hub, string id, CancellationToken cancellationToken)
    {
        var body = new { returnId = "R-1", location = "store-berlin", reason = "wrong colour", lines = new[] { new { sku = "DEMO-CAP", quantity = 1, condition = "sellable" } } };
        using var posted = await hub.PostAsJsonAsync(new Uri($"/api/orders/{id}/returns", UriKind.Relative), body, cancellationToken);
        Console.WriteLine($"{id,-36} return R-1 at store-berlin -> {(int)posted.StatusCode}");
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(1);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            using var order = JsonDocument.Parse(await hub.GetStringAsync(new Uri($"/api/orders/{id}", UriKind.Relative), cancellationToken));
            if (order.RootElement.GetProperty("returns") is { ValueKind: JsonValueKind.Array } returns && returns.GetArrayLength() > 0
                && returns[0].GetProperty("status").GetString() is "done" or "failed")
            {
                Console.WriteLine($"{id,-36} return R-1 {returns[0].GetProperty("status").GetString()}: {returns[0].GetProperty("detail").GetString()}");
                return;
            }

            await Task.Delay(250, cancellationToken);
        }

        Console.WriteLine($"{id,-36} return R-1 still running after a minute; see GET /api/orders/{id}");
    }

    private static async Task SendShopifyAsync(HttpClient hub, long id, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"id":{{id}},"name":"#D{{id % 10000}}","email":"ann@example.com","created_at":"2026-11-25T09:00:00Z","updated_at":"2026-11-25T09:00:01Z","cancelled_at":null,"currency":"EUR","financial_status":"paid","shipping_address":{"name":"Ann Buyer","address1":"Main St 1","city":"Berlin","zip":"10115","country_code":"DE"},"line_items":[{"id":{{id * 10}},"product_id":5001,"variant_id":5002,"sku":"DEMO-TEE","title":"Organic tee","quantity":2,"price":"24.90"}],"shipping_lines":[{"code":"standard"}]}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/shopify/demo") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        foreach (var (name, value) in DemoWebhooks.ShopifyHeaders(DemoWebhooks.ShopifySecret, body, $"demo-{id}"))
        {
            request.Headers.Add(name, value);
        }

        await SendAsync(hub, request, "shopify", cancellationToken);
    }

    private static async Task SendGenericAsync(HttpClient hub, string channel, string id, object fulfilment, string sku, int quantity, CancellationToken cancellationToken)
    {
        using var request = DemoWebhooks.GenericOrder(channel, id, fulfilment, sku, quantity, $"demo-{id}");
        await SendAsync(hub, request, channel, cancellationToken);
    }

    private static async Task SendAsync(HttpClient hub, HttpRequestMessage request, string channel, CancellationToken cancellationToken)
    {
        using var response = await hub.SendAsync(request, cancellationToken);
        Console.WriteLine($"{channel} webhook -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }
}
