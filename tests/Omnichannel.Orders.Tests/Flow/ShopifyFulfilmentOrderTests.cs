using System.Net;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;
using Omnichannel.Testing;

namespace Omnichannel.Orders.Tests.Flow;

/// <summary>The flow's shipment reports through the real Shopify adapter, to a store that answers like Shopify.</summary>
public sealed class ShopifyFulfilmentOrderTests
{
    [Fact]
    public async Task TwoFulfillmentOrdersAtTwoLocations_TwoParcels_TwoFulfilmentsWithTheirFulfillmentOrderLineItemIds()
    {
        await using var server = await FakeChannelServer.StartAsync();
        const long order = 5_000_000_000_000_123;
        var tee = $"gid://shopify/LineItem/{order * 10}";
        var mug = $"gid://shopify/LineItem/{(order * 10) + 1}";
        // Shopify assigned the tee to its location 1 and the mugs to its location 2: one fulfillment order each.
        var shop = new ShopifyFulfillmentOrdersFake(
            new FakeFulfillmentOrder("gid://shopify/FulfillmentOrder/71", "gid://shopify/Location/1", [new("gid://shopify/FulfillmentOrderLineItem/711", tee, 1)]),
            new FakeFulfillmentOrder("gid://shopify/FulfillmentOrder/72", "gid://shopify/Location/2", [new("gid://shopify/FulfillmentOrderLineItem/721", mug, 5)]));
        server.Handler = shop.Handle;
        var settings = OrderHub.UniqueSettings();
        settings["Channels:shopify:main:BaseUrl"] = server.BaseUrl.ToString();
        settings["Channels:shopify:main:AccessToken"] = "shpat-test";
        settings["Orders:LocationPriority:0"] = Samples.Store;
        settings["Orders:LocationPriority:1"] = Samples.Warehouse;
        await using var hub = await OrderHub.CreateAsync(settings, services: s =>
        {
            s.RemoveAll<IOrderChannels>();
            s.AddSingleton<IOrderChannels, ChannelClientsAdapter>();
        });
        await Samples.SeedAsync(hub.Services);
        var id = Samples.ShopifyOrderId(order);

        // The tee is reserved in the store, the five mugs only the warehouse has: two parcels.
        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(order, (Samples.Tee, 1), (Samples.Mug, 5)), "evt-fo-1")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Equal(HttpStatusCode.Accepted, (await ShipAsync(hub, id, "TRACK-ST", Samples.Store)).StatusCode);
        await Eventually.UntilAsync(() => shop.Fulfillments.Count == 1, "the first parcel's fulfilment sent");
        Assert.Equal(HttpStatusCode.Accepted, (await ShipAsync(hub, id, "TRACK-WH", Samples.Warehouse)).StatusCode);
        var end = await hub.WaitForEndAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        var sent = shop.Fulfillments.Select(f => f.GetProperty("fulfillment")).Select(f => (
            Tracking: f.GetProperty("trackingInfo").GetProperty("number").GetString(),
            Order: f.GetProperty("lineItemsByFulfillmentOrder")[0].GetProperty("fulfillmentOrderId").GetString(),
            Items: string.Join(",", f.GetProperty("lineItemsByFulfillmentOrder")[0].GetProperty("fulfillmentOrderLineItems").EnumerateArray().Select(i => $"{i.GetProperty("id").GetString()}x{i.GetProperty("quantity").GetInt32()}")))).ToList();
        Assert.Equal(
            [("TRACK-ST", "gid://shopify/FulfillmentOrder/71", "gid://shopify/FulfillmentOrderLineItem/711x1"), ("TRACK-WH", "gid://shopify/FulfillmentOrder/72", "gid://shopify/FulfillmentOrderLineItem/721x5")],
            sent);
        Assert.All(server.Requests, r => Assert.Equal("shpat-test", r.Headers["X-Shopify-Access-Token"]));
    }

    private static Task<HttpResponseMessage> ShipAsync(OrderHub hub, string id, string tracking, string location) =>
        hub.Client.PostAsJsonAsync(new Uri($"api/shipments/{id}", UriKind.Relative), new { carrier = "DHL", trackingNumber = tracking, location });
}
