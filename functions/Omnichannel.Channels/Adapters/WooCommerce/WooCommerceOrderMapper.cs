using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Adapters.WooCommerce;

/// <summary>Maps a WooCommerce REST v3 order (webhook body and <c>GET /wp-json/wc/v3/orders</c> items).</summary>
public static class WooCommerceOrderMapper
{
    /// <summary>Shipping method ids of WooCommerce's local pickup methods.</summary>
    private static readonly HashSet<string> PickupMethods = new(StringComparer.OrdinalIgnoreCase) { "local_pickup", "pickup_location" };

    public static CanonicalOrder Map(JsonElement order, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var billing = JsonRead.Obj(order, "billing");
        var shipping = JsonRead.Obj(order, "shipping");
        var method = JsonRead.Arr(order, "shipping_lines").FirstOrDefault();
        var methodId = method.ValueKind == JsonValueKind.Object ? JsonRead.Opt(method, "method_id") : null;
        var status = JsonRead.Opt(order, "status");
        return new CanonicalOrder
        {
            Channel = account.Channel,
            Store = account.Store,
            ChannelOrderId = JsonRead.Req(order, "id"),
            ChannelOrderNumber = JsonRead.Opt(order, "number"),
            PlacedAt = JsonRead.OptDate(order, "date_created_gmt") ?? JsonRead.Date(order, "date_created"),
            UpdatedAt = JsonRead.OptDate(order, "date_modified_gmt") ?? JsonRead.OptDate(order, "date_modified"),
            Currency = JsonRead.Req(order, "currency"),
            Buyer = billing is { } b ? new Party(JsonRead.Name(b), JsonRead.Opt(b, "email"), JsonRead.Opt(b, "phone")) : null,
            ShippingAddress = shipping is { } s
                ? new Address(
                    JsonRead.Name(s),
                    JsonRead.Opt(s, "address_1"),
                    JsonRead.Opt(s, "address_2"),
                    JsonRead.Opt(s, "city"),
                    JsonRead.Opt(s, "state"),
                    JsonRead.Opt(s, "postcode"),
                    JsonRead.Opt(s, "country"),
                    JsonRead.Opt(s, "phone"))
                : null,
            Lines = JsonRead.Arr(order, "line_items").Select(l => new OrderLine(
                JsonRead.Req(l, "id"),
                JsonRead.Opt(l, "sku"),
                JsonRead.Opt(l, "product_id"),
                JsonRead.Opt(l, "variation_id") is { } v && v != "0" ? v : null,
                null,
                JsonRead.Opt(l, "global_unique_id"),
                JsonRead.Opt(l, "name"),
                JsonRead.Int(l, "quantity"),
                UnitPrice(l),
                JsonRead.OptDec(l, "subtotal") is { } subtotal && JsonRead.OptDec(l, "total") is { } total ? subtotal - total : null,
                JsonRead.OptDec(l, "total_tax"))).ToList(),
            // Amounts are without tax (total_tax apart) whatever prices_include_tax says; coupons are spread over the lines.
            Discounts = JsonRead.Arr(order, "coupon_lines").Select(c => new OrderDiscount(JsonRead.Opt(c, "code"), JsonRead.OptDec(c, "discount") ?? 0m, AllocatedToLines: true)).ToList(),
            ShippingCharges = JsonRead.Arr(order, "shipping_lines").Select(l => new ShippingCharge(JsonRead.Opt(l, "method_title"), JsonRead.OptDec(l, "total") ?? 0m, 0m, JsonRead.OptDec(l, "total_tax"))).ToList(),
            Totals = JsonRead.OptDec(order, "total") is { } orderTotal ? new OrderTotals(orderTotal, JsonRead.OptDec(order, "total_tax"), TaxIncluded: false) : null,
            Notes = OrderNotes.Of(JsonRead.Opt(order, "customer_note")),
            Fulfilment = methodId is not null && PickupMethods.Contains(methodId)
                ? new FulfilmentMethod(FulfilmentKind.PickupInStore, account["PickupStore"] ?? JsonRead.Opt(method, "method_title"))
                : FulfilmentMethod.Ship(methodId),
            Status = status switch
            {
                "cancelled" or "failed" or "trash" => ChannelOrderStatus.Cancelled,
                "refunded" => ChannelOrderStatus.Refunded,
                _ => ChannelOrderStatus.Open,
            },
        };
    }

    /// <summary>The unit price before discounts (<c>subtotal</c> / quantity); Woo's <c>price</c> is after them.</summary>
    private static decimal UnitPrice(JsonElement line) =>
        JsonRead.OptDec(line, "subtotal") is { } subtotal && JsonRead.Int(line, "quantity") is > 0 and var quantity
            ? subtotal / quantity
            : JsonRead.Dec(line, "price");
}
