using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Walmart;

/// <summary>
/// Walmart Marketplace. Settings: <c>BaseUrl</c> (https://marketplace.walmartapis.com), <c>AccessToken</c>
/// (<c>WM_SEC.ACCESS_TOKEN</c>), <c>ServiceName</c> (default "Walmart Marketplace"). Tracking:
/// <c>POST /v3/orders/{purchaseOrderId}/shipping</c> with per-line trackingInfo (lines are line numbers);
/// stock: <c>PUT /v3/inventory?sku=</c>. Acknowledging a cancellation is not in our copy of the docs: no-op.
/// </summary>
public sealed class WalmartApi : IChannelApi
{
    public string Adapter => "walmart";

    public async Task<ShipmentReceipt> ReportShipmentAsync(ChannelRequest request, ShipmentReport shipment, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shipment);
        var trackingInfo = new
        {
            shipDateTime = shipment.ShippedAt.ToUnixTimeMilliseconds(),
            carrierName = new { carrier = shipment.Carrier },
            methodCode = shipment.ShippingMethod ?? "Standard",
            trackingNumber = shipment.TrackingNumber,
            trackingURL = shipment.TrackingUrl?.ToString(),
        };
        var body = new
        {
            orderShipment = new
            {
                orderLines = new
                {
                    orderLine = shipment.Lines.Select(l => new
                    {
                        lineNumber = l.ChannelLineId,
                        orderLineStatuses = new
                        {
                            orderLineStatus = new[] { new { status = "Shipped", statusQuantity = new { unitOfMeasurement = "EACH", amount = l.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture) }, trackingInfo } },
                        },
                    }).ToArray(),
                },
            },
        };

        // Shipping the same line again is rejected by status, not duplicated, but nothing documents it: retry on 429 only.
        using var answer = await request.SendJsonAsync("shipping", HttpMethod.Post, $"v3/orders/{ChannelRequestExtensions.Segment(shipment.ChannelOrderId)}/shipping", body, idempotent: false, m => Authorize(m, request.Account, idempotencyKey));
        return new ShipmentReceipt(shipment.ChannelOrderId);
    }

    public async Task SetAvailableQuantityAsync(ChannelRequest request, ListingQuantity listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        var body = new { sku = listing.ChannelSku, quantity = new { unit = "EACH", amount = listing.Quantity } };
        using var answer = await request.SendJsonAsync("inventory", HttpMethod.Put, $"v3/inventory?sku={ChannelRequestExtensions.Segment(listing.ChannelSku)}", body, idempotent: true, m => Authorize(m, request.Account, Guid.NewGuid().ToString()));
    }

    public Task AcknowledgeCancellationAsync(ChannelRequest request, string channelOrderId) => Task.CompletedTask;

    internal static void Authorize(HttpRequestMessage message, ChannelAccount account, string correlationId)
    {
        message.Headers.Add("WM_SEC.ACCESS_TOKEN", account.Required("AccessToken"));
        message.Headers.Add("WM_SVC.NAME", account["ServiceName"] ?? "Walmart Marketplace");
        message.Headers.Add("WM_QOS.CORRELATION_ID", correlationId);
        message.Headers.Accept.ParseAdd("application/json");
    }
}
