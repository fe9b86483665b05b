using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Shopify;

/// <summary>
/// Shopify Admin GraphQL <c>fulfillmentOrderLineItemsPreparedForPickup</c>: marks the fulfillment order's lines
/// ready for pickup, and Shopify sends the buyer its "Ready for pickup" notification. Needs the fulfillment
/// order id; a repeat only repeats the notification, so the caller records the call and does not repeat it.
/// </summary>
public sealed class ShopifyPickupApi : IPickupApi
{
    private const string PreparedForPickup =
        "mutation fulfillmentOrderLineItemsPreparedForPickup($input: FulfillmentOrderLineItemsPreparedForPickupInput!) { fulfillmentOrderLineItemsPreparedForPickup(input: $input) { userErrors { field message } } }";

    public string Adapter => "shopify";

    public async Task ReportReadyForPickupAsync(ChannelRequest request, PickupReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var fulfillmentOrderId = report.ChannelFulfilmentOrderId
            ?? throw new ArgumentException("Shopify needs the fulfillment order id (PickupReport.ChannelFulfilmentOrderId).", nameof(report));
        var variables = new { input = new { lineItemsByFulfillmentOrder = new[] { new { fulfillmentOrderId } } } };
        using var answer = await ShopifyApi.SendAsync(request, "fulfillmentOrderLineItemsPreparedForPickup", PreparedForPickup, variables, idempotent: false);
    }
}
