using System.Text.Json;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Shopify;

/// <summary>
/// Shopify Admin GraphQL: <c>order.fulfillmentOrders</c> then <c>fulfillmentCreate</c> per fulfillment order for tracking, <c>inventorySetQuantities</c> for stock.
/// Settings: <c>BaseUrl</c> (https://{shop}.myshopify.com), <c>AccessToken</c>, <c>ApiVersion</c> (default 2025-07),
/// <c>InventoryReason</c> (default correction). A mutation's <c>userErrors</c> fail the call.
/// </summary>
public sealed class ShopifyApi : IChannelApi
{
    private const string FulfillmentCreate =
        "mutation fulfillmentCreate($fulfillment: FulfillmentInput!) { fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id } userErrors { field message } } }";

    private const string InventorySet =
        "mutation inventorySetQuantities($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { field message } } }";

    /// <summary>The Admin API version used unless the account's <c>ApiVersion</c> names another.</summary>
    public const string DefaultApiVersion = "2025-07";

    public string Adapter => "shopify";

    /// <summary>An Admin API path of the account's <c>ApiVersion</c>, e.g. <c>admin/api/2025-07/orders.json</c>.</summary>
    internal static string AdminPath(ChannelAccount account, string resource) =>
        $"admin/api/{account["ApiVersion"] ?? DefaultApiVersion}/{resource}";

    internal static void Authorize(HttpRequestMessage message, ChannelAccount account) =>
        message.Headers.Add("X-Shopify-Access-Token", account.Required("AccessToken"));

    /// <summary>
    /// Reads the order's fulfillment orders, puts the shipped lines onto them and sends one
    /// <c>fulfillmentCreate</c> per fulfillment order (a fulfillment order shipped whole without line items).
    /// The receipt names every fulfillment created, space-separated.
    /// </summary>
    public async Task<ShipmentReceipt> ReportShipmentAsync(ChannelRequest request, ShipmentReport shipment, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(request);
        var fulfillmentOrders = await ShopifyFulfillmentOrders.ReadAsync(request, shipment.ChannelOrderId);
        var picks = ShopifyFulfillmentOrders.Plan(fulfillmentOrders, shipment.Lines, forShipping: true, request.Account.Channel, "fulfillmentCreate");
        var created = new List<string>();
        foreach (var pick in picks)
        {
            var variables = new
            {
                fulfillment = new
                {
                    lineItemsByFulfillmentOrder = new[]
                    {
                        new
                        {
                            fulfillmentOrderId = pick.FulfillmentOrderId,
                            fulfillmentOrderLineItems = pick.Whole ? null : pick.Lines.Select(l => new { id = l.ChannelLineId, quantity = l.Quantity }).ToArray(),
                        },
                    },
                    // A picked-up click-and-collect order has no tracking to show the buyer.
                    trackingInfo = string.IsNullOrEmpty(shipment.TrackingNumber) ? null : new { number = shipment.TrackingNumber, url = shipment.TrackingUrl?.ToString(), company = shipment.Carrier },
                    notifyCustomer = shipment.NotifyCustomer,
                },
            };

            // Shopify documents no idempotency key for fulfillmentCreate: not idempotent, retried only when throttled.
            // A retry of the whole report re-reads the fulfillment orders, so what was fulfilled is not sent again.
            using var answer = await SendAsync(request, "fulfillmentCreate", FulfillmentCreate, variables, idempotent: false);
            var id = answer.RootElement.GetProperty("data").GetProperty("fulfillmentCreate").GetProperty("fulfillment");
            if (id.ValueKind == JsonValueKind.Object && id.GetProperty("id").GetString() is { } fulfillmentId)
            {
                created.Add(fulfillmentId);
            }
        }

        return new ShipmentReceipt(created.Count == 0 ? null : string.Join(' ', created));
    }

    public async Task SetAvailableQuantityAsync(ChannelRequest request, ListingQuantity listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(request);
        var variables = new
        {
            input = new
            {
                name = "available",
                reason = request.Account["InventoryReason"] ?? "correction",
                ignoreCompareQuantity = true,
                quantities = new[]
                {
                    new
                    {
                        inventoryItemId = listing.ListingId ?? throw new ArgumentException("Shopify needs the inventory item id (ListingId).", nameof(listing)),
                        locationId = listing.LocationId ?? throw new ArgumentException("Shopify needs the location id (LocationId).", nameof(listing)),
                        quantity = listing.Quantity,
                    },
                },
            },
        };
        using var answer = await SendAsync(request, "inventorySetQuantities", InventorySet, variables, idempotent: true);
    }

    /// <summary>Shopify needs no acknowledgement of a cancellation made on Shopify.</summary>
    public Task AcknowledgeCancellationAsync(ChannelRequest request, string channelOrderId) => Task.CompletedTask;

    internal static async Task<JsonDocument> SendAsync(ChannelRequest request, string operation, string query, object variables, bool idempotent)
    {
        var answer = await ShopifyGraphQl.PostAsync(request, operation, query, variables, idempotent);
        var userErrors = answer.RootElement.GetProperty("data").GetProperty(operation).GetProperty("userErrors");
        if (userErrors.GetArrayLength() > 0)
        {
            var text = userErrors.GetRawText();
            answer.Dispose();
            throw new ChannelApiException(request.Account.Channel, operation, 200, text);
        }

        return answer;
    }
}
