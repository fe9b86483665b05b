using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Orders.Fulfilment;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;

namespace Omnichannel.Orders.Tests.Flow;

public sealed class FulfilmentTests
{
    private const string WarehouseSecret = "wh-secret-0123456789";

    [Fact]
    public async Task WarehouseWithEndpoint_GetsSignedRequest_AndLateShipmentAlerts()
    {
        var settings = OrderHub.UniqueSettings();
        settings[$"Orders:Fulfilment:{Samples.Warehouse}:Url"] = "https://3pl.example/fulfilment";
        settings[$"Orders:Fulfilment:{Samples.Warehouse}:Secret"] = WarehouseSecret;
        settings["Orders:ShipmentSla"] = "00:00:01";
        var handler = new RecordingHandler();
        await using var hub = await OrderHub.CreateAsync(settings, services: s => s.AddHttpClient(FulfilmentSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => handler));
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 9001;
        var id = Samples.ShopifyOrderId(shopifyId);

        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(shopifyId, (Samples.Tee, 1)), "evt-9001")).IsSuccessStatusCode);
        var waiting = await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Equal("webhook", Assert.Single(waiting.Fulfilment).Mode);
        await Alerts.WaitForAsync(hub, "shipmentLate");

        var (body, headers) = Assert.Single(handler.Requests);
        Assert.Equal(FulfilmentSender.Sign(WarehouseSecret, body), headers[FulfilmentSender.SignatureHeader]);
        Assert.StartsWith(id + ":", headers["Idempotency-Key"], StringComparison.Ordinal);
        Assert.Contains("\"location\":\"wh-1\"", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public ConcurrentQueue<(byte[] Body, Dictionary<string, string> Headers)> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            Requests.Enqueue((body, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)));
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        }
    }
}
