using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.BigCommerce;

/// <summary>
/// BigCommerce REST. Settings: <c>BaseUrl</c> (https://api.bigcommerce.com/stores/{store_hash}),
/// <c>AccessToken</c> (<c>X-Auth-Token</c>), <c>OrderAddressId</c> (default: read from the order's shipping
/// addresses). Tracking: <c>POST /v2/orders/{id}/shipments</c>; stock: <c>PUT</c> the product or variant's
/// <c>inventory_level</c>. Our copy of the docs names no call for either, so these follow the public v2/v3 API.
/// </summary>
public sealed class BigCommerceApi : IChannelApi
{
    public string Adapter => "bigcommerce";

    public async Task<ShipmentReceipt> ReportShipmentAsync(ChannelRequest request, ShipmentReport shipment, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shipment);
        var order = ChannelRequestExtensions.Segment(shipment.ChannelOrderId);
        var addressId = request.Account["OrderAddressId"];
        if (addressId is null)
        {
            using var addresses = await request.SendJsonAsync("shipping_addresses", HttpMethod.Get, $"v2/orders/{order}/shipping_addresses", null, idempotent: true, m => Authorize(m, request.Account));
            addressId = addresses?.RootElement.EnumerateArray().Select(a => a.GetProperty("id").ToString()).FirstOrDefault()
                ?? throw new ChannelApiException("bigcommerce", "shipping_addresses", 200, "the order has no shipping address");
        }

        var body = new
        {
            order_address_id = addressId,
            tracking_number = shipment.TrackingNumber,
            shipping_provider = shipment.Carrier,
            tracking_link = shipment.TrackingUrl?.ToString(),
            items = shipment.Lines.Select(l => new { order_product_id = l.ChannelLineId, quantity = l.Quantity }).ToArray(),
        };
        using var answer = await request.SendJsonAsync("shipments", HttpMethod.Post, $"v2/orders/{order}/shipments", body, idempotent: false, m => Authorize(m, request.Account));
        return new ShipmentReceipt(answer is not null && answer.RootElement.TryGetProperty("id", out var id) ? id.ToString() : null);
    }

    public async Task SetAvailableQuantityAsync(ChannelRequest request, ListingQuantity listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        var path = StockPath(listing.ListingId, listing.VariantId);
        using var answer = await request.SendJsonAsync("inventory_level", HttpMethod.Put, path, new { inventory_level = listing.Quantity }, idempotent: true, m => Authorize(m, request.Account));
    }

    public Task AcknowledgeCancellationAsync(ChannelRequest request, string channelOrderId) => Task.CompletedTask;

    internal static void Authorize(HttpRequestMessage message, ChannelAccount account)
    {
        message.Headers.Add("X-Auth-Token", account.Required("AccessToken"));
        message.Headers.Accept.ParseAdd("application/json");
    }

    /// <summary>The product's path, or its variant's.</summary>
    internal static string StockPath(string? listingId, string? variantId)
    {
        var product = ChannelRequestExtensions.Segment(listingId ?? throw new ArgumentException("BigCommerce needs the product id (ListingId).", nameof(listingId)));
        return variantId is { } variant
            ? $"v3/catalog/products/{product}/variants/{ChannelRequestExtensions.Segment(variant)}"
            : $"v3/catalog/products/{product}";
    }
}
