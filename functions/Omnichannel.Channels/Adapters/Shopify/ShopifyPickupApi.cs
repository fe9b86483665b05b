using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Shopify;

/// <summary>
/// Shopify Admin GraphQL <c>fulfillmentOrderLineItemsPreparedForPickup</c>: marks the fulfillment order's lines
/// ready for pickup, and Shopify sends the buyer its "Ready for pickup" notification. The fulfillment orders that
/// hold the prepared lines are read from the order; a repeat only repeats the notification, so the caller records
/// the call and does not repeat it.
/// </summary>
public sealed class ShopifyPickupApi : IPickupApi
{
    private const string PreparedForPickup =
        "mutation fulfillmentOrderLineItemsPreparedForPickup($input: FulfillmentOrderLineItemsPreparedForPickupInput!) { fulfillmentOrderLineItemsPreparedForPickup(input: $input) { userErrors { field message } } }";

    public string Adapter => "shopify";

    public async Task ReportReadyForPickupAsync(ChannelRequest request, PickupReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(request);
        var fulfillmentOrders = await ShopifyFulfillmentOrders.ReadAsync(request, report.ChannelOrderId);
        var picks = ShopifyFulfillmentOrders.Plan(fulfillmentOrders, report.Lines, forShipping: false, request.Account.Channel, "fulfillmentOrderLineItemsPreparedForPickup");
        if (picks.Count == 0)
        {
            return;
        }

        // The mutation takes whole fulfillment orders: the ones holding the prepared lines.
        var variables = new { input = new { lineItemsByFulfillmentOrder = picks.Select(p => new { fulfillmentOrderId = p.FulfillmentOrderId }).ToArray() } };
        using var answer = await ShopifyApi.SendAsync(request, "fulfillmentOrderLineItemsPreparedForPickup", PreparedForPickup, variables, idempotent: false);
    }
}
