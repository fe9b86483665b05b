using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Etsy;

/// <summary>
/// Etsy Open API v3. Settings: <c>BaseUrl</c> (https://openapi.etsy.com), <c>ApiKey</c> (<c>x-api-key</c>),
/// <c>AccessToken</c> (OAuth), <c>ShopId</c>. Tracking: <c>createReceiptShipment</c>. Stock:
/// <c>updateListingInventory</c> replaces the whole inventory, so the current one is read, only the SKU's
/// offerings change, and every product is sent back.
/// </summary>
public sealed class EtsyApi : IChannelApi
{
    public string Adapter => "etsy";

    public async Task<ShipmentReceipt> ReportShipmentAsync(ChannelRequest request, ShipmentReport shipment, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shipment);
        var shop = ChannelRequestExtensions.Segment(request.Account.Required("ShopId"));
        using var answer = await request.SendJsonAsync(
            "createReceiptShipment",
            HttpMethod.Post,
            $"v3/application/shops/{shop}/receipts/{ChannelRequestExtensions.Segment(shipment.ChannelOrderId)}/tracking",
            new { tracking_code = shipment.TrackingNumber, carrier_name = shipment.Carrier, send_bcc = shipment.NotifyCustomer },
            idempotent: false,
            m => Authorize(m, request.Account));
        return new ShipmentReceipt(shipment.ChannelOrderId);
    }

    public async Task SetAvailableQuantityAsync(ChannelRequest request, ListingQuantity listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        var path = $"v3/application/listings/{ChannelRequestExtensions.Segment(listing.ListingId ?? throw new ArgumentException("Etsy needs the listing id (ListingId).", nameof(listing)))}/inventory";
        using var current = await request.SendJsonAsync("getListingInventory", HttpMethod.Get, path, null, idempotent: true, m => Authorize(m, request.Account))
            ?? throw new ChannelApiException("etsy", "getListingInventory", 200, "empty answer");
        using var answer = await request.SendJsonAsync("updateListingInventory", HttpMethod.Put, path, WithQuantity(current.RootElement, listing), idempotent: true, m => Authorize(m, request.Account));
    }

    public Task AcknowledgeCancellationAsync(ChannelRequest request, string channelOrderId) => Task.CompletedTask;

    /// <summary>The full inventory to send back: every product, writable fields only, the SKU's offerings set.</summary>
    internal static JsonObject WithQuantity(JsonElement inventory, ListingQuantity listing)
    {
        var found = false;
        var products = new JsonArray();
        foreach (var product in inventory.GetProperty("products").EnumerateArray())
        {
            var sku = product.TryGetProperty("sku", out var s) ? s.GetString() : null;
            var match = sku == listing.ChannelSku;
            found |= match;
            var offerings = new JsonArray();
            foreach (var offering in product.GetProperty("offerings").EnumerateArray())
            {
                var price = offering.GetProperty("price");
                offerings.Add(new JsonObject
                {
                    ["price"] = price.GetProperty("amount").GetDecimal() / price.GetProperty("divisor").GetDecimal(),
                    ["quantity"] = match ? listing.Quantity : offering.GetProperty("quantity").GetInt32(),
                    ["is_enabled"] = offering.GetProperty("is_enabled").GetBoolean(),
                    // Required by the v3 document (the processing profile); null where Etsy returned none.
                    ["readiness_state_id"] = offering.TryGetProperty("readiness_state_id", out var readiness) && readiness.ValueKind == JsonValueKind.Number ? readiness.GetInt64() : null,
                });
            }

            products.Add(new JsonObject
            {
                ["sku"] = sku,
                ["property_values"] = JsonNode.Parse(product.TryGetProperty("property_values", out var pv) ? pv.GetRawText() : "[]"),
                ["offerings"] = offerings,
            });
        }

        if (!found)
        {
            throw new ChannelApiException("etsy", "updateListingInventory", null, $"SKU '{listing.ChannelSku}' is not in listing {listing.ListingId}.");
        }

        var result = new JsonObject { ["products"] = products };
        foreach (var key in new[] { "price_on_property", "quantity_on_property", "sku_on_property" })
        {
            if (inventory.TryGetProperty(key, out var value))
            {
                result[key] = JsonNode.Parse(value.GetRawText());
            }
        }

        return result;
    }

    internal static void Authorize(HttpRequestMessage message, ChannelAccount account)
    {
        message.Headers.Add("x-api-key", account.Required("ApiKey"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.Required("AccessToken"));
    }
}
