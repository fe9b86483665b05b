using System.Text.Json;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Shopify;

/// <summary>
/// An order's fulfillment orders as Shopify holds them (GraphQL <c>order.fulfillmentOrders</c>: id, status,
/// assigned location, line items with their order line item and remaining quantity), and the plan that puts
/// shipped order lines onto them. Shopify fulfils fulfillment order line items (their own GIDs), never order line
/// items, so the hub reads them itself instead of asking the warehouse.
/// </summary>
internal static class ShopifyFulfillmentOrders
{
    internal const string Query =
        "query fulfillmentOrders($id: ID!) { order(id: $id) { fulfillmentOrders(first: 50) { pageInfo { hasNextPage } nodes { id status supportedActions { action } assignedLocation { location { id } } lineItems(first: 250) { pageInfo { hasNextPage } nodes { id remainingQuantity totalQuantity lineItem { id } } } } } } }";

    /// <summary>Statuses whose remaining quantity can still be fulfilled or prepared.</summary>
    private static readonly string[] Actionable = ["OPEN", "IN_PROGRESS"];

    public static async Task<IReadOnlyList<FulfillmentOrder>> ReadAsync(ChannelRequest request, string channelOrderId)
    {
        var id = channelOrderId.StartsWith("gid://", StringComparison.Ordinal) ? channelOrderId : $"gid://shopify/Order/{channelOrderId}";
        using var answer = await ShopifyGraphQl.PostAsync(request, "fulfillmentOrders", Query, new { id }, idempotent: true);
        var order = answer.RootElement.GetProperty("data").GetProperty("order");
        if (order.ValueKind != JsonValueKind.Object)
        {
            throw new ChannelApiException(request.Account.Channel, "fulfillmentOrders", 200, $"order {id} not found");
        }

        var connection = order.GetProperty("fulfillmentOrders");
        var orders = connection.GetProperty("nodes").EnumerateArray().Select(fo => new FulfillmentOrder(
            fo.GetProperty("id").GetString()!,
            fo.GetProperty("status").GetString() ?? string.Empty,
            fo.TryGetProperty("assignedLocation", out var a) && a.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? l.GetProperty("id").GetString() : null,
            fo.TryGetProperty("supportedActions", out var actions) ? actions.EnumerateArray().Select(x => x.GetProperty("action").GetString() ?? string.Empty).ToList() : [],
            fo.GetProperty("lineItems").GetProperty("nodes").EnumerateArray().Select(li => new FulfillmentOrderLine(
                li.GetProperty("id").GetString()!,
                li.GetProperty("lineItem").GetProperty("id").GetString()!,
                li.GetProperty("remainingQuantity").GetInt32())).ToList(),
            HasMoreLines: fo.GetProperty("lineItems").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())).ToList();
        if (connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() || orders.Any(o => o.HasMoreLines))
        {
            // More than 50 fulfillment orders or 250 lines in one: refuse rather than fulfil a part silently.
            throw new ChannelApiException(request.Account.Channel, "fulfillmentOrders", 200, $"order {id} has more fulfillment orders or lines than one page");
        }

        return orders;
    }

    /// <summary>
    /// Puts <paramref name="lines"/> (order line ids and units; empty = everything) onto the fulfillment orders
    /// that can take them (<c>OPEN</c>/<c>IN_PROGRESS</c>, and for shipping those that support
    /// <c>CREATE_FULFILLMENT</c>), first fulfillment order first. Only a report of everything (no lines) sends
    /// fulfillment orders without line items (the schema's "all of it"): a parcel always names its line items, so
    /// a line added to a fulfillment order after it was read is not fulfilled by accident. Units of a known line that no fulfillment order still has open are taken as
    /// fulfilled already (an earlier attempt of the same report), so a retry after a partial success fulfils only
    /// the rest; a line on no fulfillment order at all is refused.
    /// </summary>
    public static IReadOnlyList<FulfillmentOrderPick> Plan(IReadOnlyList<FulfillmentOrder> orders, IReadOnlyList<ShipmentLine> lines, bool forShipping, string channel, string operation)
    {
        var open = orders.Where(o => Actionable.Contains(o.Status, StringComparer.Ordinal)
            && (!forShipping || o.SupportedActions.Count == 0 || o.SupportedActions.Contains("CREATE_FULFILLMENT", StringComparer.Ordinal))).ToList();
        if (lines.Count == 0)
        {
            return open.Where(o => o.Lines.Any(l => l.Remaining > 0)).Select(o => new FulfillmentOrderPick(o.Id, o.LocationId, [], Whole: true)).ToList();
        }

        var taken = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (!orders.Any(o => o.Lines.Any(l => SameLine(l.LineItemId, line.ChannelLineId))))
            {
                throw new ChannelApiException(channel, operation, null, $"line {line.ChannelLineId} is on none of the order's fulfillment orders");
            }

            var left = line.Quantity;
            foreach (var fo in open)
            {
                foreach (var foLine in fo.Lines.Where(l => SameLine(l.LineItemId, line.ChannelLineId)))
                {
                    var picks = taken.TryGetValue(fo.Id, out var p) ? p : taken[fo.Id] = new Dictionary<string, int>(StringComparer.Ordinal);
                    var already = picks.GetValueOrDefault(foLine.Id);
                    var take = Math.Min(left, foLine.Remaining - already);
                    if (take > 0)
                    {
                        picks[foLine.Id] = already + take;
                        left -= take;
                    }
                }
            }
        }

        return open.Where(o => taken.TryGetValue(o.Id, out var p) && p.Count > 0)
            .Select(o => new FulfillmentOrderPick(o.Id, o.LocationId, taken[o.Id].Select(p => new ShipmentLine(p.Key, p.Value)).ToList(), Whole: false))
            .ToList();
    }

    /// <summary>An order line id as the webhook gives it (<c>10010</c>) or as GraphQL does (<c>gid://shopify/LineItem/10010</c>).</summary>
    private static bool SameLine(string lineItemGid, string channelLineId) =>
        string.Equals(lineItemGid, channelLineId, StringComparison.Ordinal)
        || string.Equals(lineItemGid, $"gid://shopify/LineItem/{channelLineId}", StringComparison.Ordinal);
}

/// <summary>One fulfillment order of a Shopify order.</summary>
internal sealed record FulfillmentOrder(string Id, string Status, string? LocationId, IReadOnlyList<string> SupportedActions, IReadOnlyList<FulfillmentOrderLine> Lines, bool HasMoreLines = false);

/// <param name="Id">The fulfillment order line item GID (what <c>fulfillmentCreate</c> takes).</param>
/// <param name="LineItemId">The order line item GID it fulfils.</param>
/// <param name="Remaining">Units still to fulfil.</param>
internal sealed record FulfillmentOrderLine(string Id, string LineItemId, int Remaining);

/// <summary>What to fulfil of one fulfillment order: its line items and units, or all of it (<paramref name="Whole"/>, no lines).</summary>
internal sealed record FulfillmentOrderPick(string FulfillmentOrderId, string? LocationId, IReadOnlyList<ShipmentLine> Lines, bool Whole);
