using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.WooCommerce;

/// <summary>
/// WooCommerce REST v3 with the Shipment Tracking extension. Settings: <c>BaseUrl</c> (the site),
/// <c>ConsumerKey</c>, <c>ConsumerSecret</c> (HTTP basic over HTTPS). Tracking:
/// <c>POST /wp-json/wc-shipment-tracking/v3/orders/{id}/shipment-trackings</c>; stock: <c>PUT</c> the product
/// or variation with <c>manage_stock</c> and <c>stock_quantity</c>.
/// </summary>
public sealed class WooCommerceApi : IChannelApi
{
    public string Adapter => "woocommerce";

    public async Task<ShipmentReceipt> ReportShipmentAsync(ChannelRequest request, ShipmentReport shipment, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shipment);
        var custom = shipment.TrackingUrl is not null;
        var body = new Dictionary<string, object?>
        {
            [custom ? "custom_tracking_provider" : "tracking_provider"] = shipment.Carrier,
            ["tracking_number"] = shipment.TrackingNumber,
            ["date_shipped"] = shipment.ShippedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (custom)
        {
            body["custom_tracking_link"] = shipment.TrackingUrl!.ToString();
        }

        using var answer = await request.SendJsonAsync(
            "shipment-trackings",
            HttpMethod.Post,
            $"wp-json/wc-shipment-tracking/v3/orders/{ChannelRequestExtensions.Segment(shipment.ChannelOrderId)}/shipment-trackings",
            body,
            idempotent: false,
            m => Authorize(m, request.Account));
        return new ShipmentReceipt(answer is not null && answer.RootElement.TryGetProperty("tracking_id", out var id) ? id.ToString() : null);
    }

    public async Task SetAvailableQuantityAsync(ChannelRequest request, ListingQuantity listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        var path = StockPath(listing.ListingId, listing.VariantId);
        using var answer = await request.SendJsonAsync("stock_quantity", HttpMethod.Put, path, new { manage_stock = true, stock_quantity = listing.Quantity }, idempotent: true, m => Authorize(m, request.Account));
    }

    /// <summary>WooCommerce has no cancellation to acknowledge.</summary>
    public Task AcknowledgeCancellationAsync(ChannelRequest request, string channelOrderId) => Task.CompletedTask;

    internal static void Authorize(HttpRequestMessage message, ChannelAccount account) =>
        message.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{account.Required("ConsumerKey")}:{account.Required("ConsumerSecret")}")));

    /// <summary>The product's path, or its variation's.</summary>
    internal static string StockPath(string? listingId, string? variantId)
    {
        var product = ChannelRequestExtensions.Segment(listingId ?? throw new ArgumentException("WooCommerce needs the product id (ListingId).", nameof(listingId)));
        return variantId is { } variation
            ? $"wp-json/wc/v3/products/{product}/variations/{ChannelRequestExtensions.Segment(variation)}"
            : $"wp-json/wc/v3/products/{product}";
    }
}
