using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;

namespace Omnichannel.Orders.Tests.Http;

public sealed class OrderIdRouteTests
{
    /// <summary>As sent in the URL: <c>..%2F..</c> literally, the others escaped.</summary>
    private static readonly string[] Hostile =
    [
        Uri.EscapeDataString("\"><script>"), "..%2F..", "CON", Uri.EscapeDataString("shopify_main_10\u202E01"), new string('a', 600),
    ];

    [Fact]
    public async Task EveryOrderRoute_HostileId_400NamingTheFieldAndTheRule()
    {
        await using var hub = await OrderHub.CreateAsync();
        foreach (var id in Hostile)
        {
            await AssertRuleAsync(await hub.Client.GetAsync(new Uri($"api/orders/{id}", UriKind.Relative)), "id", id);
            foreach (var action in new[] { "replay", "cancel", "map-sku", "ready-for-pickup", "picked-up", "returns", "returns/R-1/replay", "events/SkuMapped" })
            {
                await AssertRuleAsync(await hub.Client.PostAsJsonAsync(new Uri($"api/orders/{id}/{action}", UriKind.Relative), new { }), "id", $"{id}/{action}");
            }

            await AssertRuleAsync(await hub.Client.PostAsJsonAsync(new Uri($"api/shipments/{id}", UriKind.Relative), new { carrier = "DHL", trackingNumber = "T" }), "orderId", id);
        }
    }

    [Fact]
    public async Task OrderRoutes_LongChannelOrderIdIntakeAccepted_ServeTheOrder()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        var channelOrderId = "#R/ü " + new string('7', 123);
        Assert.Equal(128, channelOrderId.Length);
        var id = OrderId.For("amazon", "main", channelOrderId);
        var body = Samples.Generic(channelOrderId, new { kind = "fulfilled_by_channel", network = "AFN" }, "order.created", (Samples.Tee, 1));
        Assert.True((await hub.PostGenericAsync("amazon", body, Guid.NewGuid().ToString("N"))).IsSuccessStatusCode);
        await hub.WaitForEndAsync(id);

        var detail = await hub.GetOrderAsync(id);
        Assert.Equal(id, detail.Summary.Id);
        Assert.Equal(OrderStatus.Completed, detail.Summary.Status);
        using var replay = await hub.Client.PostAsync(new Uri($"api/orders/{id}/replay", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
    }

    private static async Task AssertRuleAsync(HttpResponseMessage response, string field, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        var message = problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Equal(OrderId.Rule(field), message);
    }
}
