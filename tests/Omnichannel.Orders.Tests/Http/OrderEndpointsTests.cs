using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Orders.Http;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;

namespace Omnichannel.Orders.Tests.Http;

public sealed class OrderEndpointsTests
{
    [Fact]
    public async Task Routes_WithoutFunctionKey_Return401()
    {
        await using var hub = await OrderHub.CreateAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await hub.Anonymous.GetAsync(new Uri("api/orders", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hub.Anonymous.PostAsJsonAsync(new Uri("api/shipments/x", UriKind.Relative), new { carrier = "DHL" })).StatusCode);
    }

    [Fact]
    public async Task Commands_OnUnknownOrBadInput_AnswerProblemNamingTheField()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 8001;
        var id = Samples.ShopifyOrderId(shopifyId);
        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(shopifyId, (Samples.Tee, 1)), "evt-8001")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);

        Assert.Equal(HttpStatusCode.NotFound, (await hub.Client.GetAsync(new Uri("api/orders/shopify_main_nope", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hub.ConfirmShipmentAsync("shopify_main_nope")).StatusCode);
        await AssertFieldAsync(await hub.Client.PostAsJsonAsync(new Uri($"api/shipments/{id}", UriKind.Relative), new { trackingNumber = "T" }), "carrier");
        await AssertFieldAsync(await hub.Client.PostAsJsonAsync(new Uri($"api/shipments/{id}", UriKind.Relative), new { carrier = "DHL", trackingNumber = "T", lines = new[] { new { lineId = "x", quantity = 0 } } }), "lines");
        await AssertFieldAsync(await hub.Client.PostAsJsonAsync(new Uri($"api/orders/{id}/map-sku", UriKind.Relative), new { lineId = "80010", sku = "NO-SUCH-SKU" }), "sku");
        await AssertFieldAsync(await hub.Client.PostAsJsonAsync(new Uri($"api/orders/{id}/map-sku", UriKind.Relative), new { lineId = "nope", sku = Samples.Tee }), "lineId");
        await AssertFieldAsync(await hub.Client.GetAsync(new Uri("api/orders?status=lost", UriKind.Relative)), "status");
        var replay = await hub.Client.PostAsync(new Uri($"api/orders/{id}/replay", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal("application/problem+json", replay.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_FiltersByStatusChannelAndTime()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        var waiting = Samples.ShopifyOrderId(8101);
        var fba = OrderId.For("amazon", "main", "A-8102");
        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(8101, (Samples.Tee, 1)), "evt-8101")).IsSuccessStatusCode);
        Assert.True((await hub.PostGenericAsync("amazon", Samples.Generic("A-8102", new { kind = "fulfilled_by_channel" }, "order.created", (Samples.Tee, 1)), "a-8102")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(waiting, OrderStatus.AwaitingShipment);
        await hub.WaitForStatusAsync(fba, OrderStatus.Completed);

        Assert.Equal([waiting], await IdsAsync(hub, "api/orders?status=awaitingShipment"));
        Assert.Equal([fba], await IdsAsync(hub, "api/orders?status=Completed"));
        Assert.Equal([fba], await IdsAsync(hub, "api/orders?channel=amazon"));
        Assert.Equal([fba, waiting], (await IdsAsync(hub, "api/orders")).Order(StringComparer.Ordinal));
        Assert.Empty(await IdsAsync(hub, "api/orders?to=2000-01-01T00:00:00Z"));
        Assert.Empty(await IdsAsync(hub, "api/orders?status=failed"));
    }

    private static async Task<IReadOnlyList<string>> IdsAsync(OrderHub hub, string path)
    {
        var page = await hub.Client.GetFromJsonAsync<OrderPage>(new Uri(path, UriKind.Relative), Json.Options);
        return page!.Orders.Select(o => o.Id).ToList();
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.GetRawText());
    }
}
