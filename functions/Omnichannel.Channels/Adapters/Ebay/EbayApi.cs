using System.Globalization;
using System.Net.Http.Headers;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Ebay;

/// <summary>
/// eBay Sell APIs. Settings: <c>BaseUrl</c> (https://api.ebay.com), <c>AccessToken</c> (OAuth user token).
/// Tracking: <c>POST /sell/fulfillment/v1/order/{orderId}/shipping_fulfillment</c> per package (no documented
/// idempotency: retried only on 429). Stock: <c>bulk_update_price_quantity</c> (absolute, idempotent).
/// </summary>
public sealed class EbayApi : IChannelApi
{
    public string Adapter => "ebay";

    public async Task<ShipmentReceipt> ReportShipmentAsync(ChannelRequest request, ShipmentReport shipment, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shipment);
        var body = new
        {
            lineItems = shipment.Lines.Select(l => new { lineItemId = l.ChannelLineId, quantity = l.Quantity }).ToArray(),
            shippedDate = shipment.ShippedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            shippingCarrierCode = shipment.Carrier,
            trackingNumber = shipment.TrackingNumber,
        };
        using var answer = await request.SendJsonAsync(
            "createShippingFulfillment",
            HttpMethod.Post,
            $"sell/fulfillment/v1/order/{ChannelRequestExtensions.Segment(shipment.ChannelOrderId)}/shipping_fulfillment",
            body,
            idempotent: false,
            m => Authorize(m, request.Account));
        return new ShipmentReceipt(answer is not null && answer.RootElement.TryGetProperty("fulfillmentId", out var id) ? id.GetString() : null);
    }

    public async Task SetAvailableQuantityAsync(ChannelRequest request, ListingQuantity listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        var item = new Dictionary<string, object>
        {
            ["sku"] = listing.ChannelSku,
            ["shipToLocationAvailability"] = new { quantity = listing.Quantity },
        };
        if (listing.OfferId is { } offerId)
        {
            item["offers"] = new[] { new { offerId, availableQuantity = listing.Quantity } };
        }

        using var answer = await request.SendJsonAsync("bulkUpdatePriceQuantity", HttpMethod.Post, "sell/inventory/v1/bulk_update_price_quantity", new { requests = new[] { item } }, idempotent: true, m => Authorize(m, request.Account));
    }

    /// <summary>eBay documents no acknowledgement of a buyer cancellation for this flow; the order is re-read with getOrder.</summary>
    public Task AcknowledgeCancellationAsync(ChannelRequest request, string channelOrderId) => Task.CompletedTask;

    internal static void Authorize(HttpRequestMessage message, ChannelAccount account) =>
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.Required("AccessToken"));
}
