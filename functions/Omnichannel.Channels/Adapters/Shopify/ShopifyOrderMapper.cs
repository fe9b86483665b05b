using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Adapters.Shopify;

/// <summary>Maps a Shopify REST order resource (the body of the <c>orders/*</c> topics).</summary>
public static class ShopifyOrderMapper
{
    public static CanonicalOrder Map(JsonElement order, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var customer = JsonRead.Obj(order, "customer");
        var shipping = JsonRead.Obj(order, "shipping_address");
        return new CanonicalOrder
        {
            Channel = account.Channel,
            Store = account.Store,
            ChannelOrderId = JsonRead.Req(order, "id"),
            ChannelOrderNumber = JsonRead.Opt(order, "name"),
            PlacedAt = JsonRead.Date(order, "created_at"),
            UpdatedAt = JsonRead.OptDate(order, "updated_at"),
            Currency = JsonRead.Req(order, "currency"),
            Buyer = new Party(
                customer is { } c ? JsonRead.Name(c) : null,
                JsonRead.Opt(order, "email") ?? (customer is { } c2 ? JsonRead.Opt(c2, "email") : null),
                JsonRead.Opt(order, "phone")),
            ShippingAddress = shipping is { } s
                ? new Address(
                    JsonRead.Opt(s, "name") ?? JsonRead.Name(s),
                    JsonRead.Opt(s, "address1"),
                    JsonRead.Opt(s, "address2"),
                    JsonRead.Opt(s, "city"),
                    JsonRead.Opt(s, "province_code"),
                    JsonRead.Opt(s, "zip"),
                    JsonRead.Opt(s, "country_code"),
                    JsonRead.Opt(s, "phone"))
                : null,
            Lines = JsonRead.Arr(order, "line_items").Select(l => new OrderLine(
                JsonRead.Req(l, "id"),
                JsonRead.Opt(l, "sku"),
                JsonRead.Opt(l, "product_id"),
                JsonRead.Opt(l, "variant_id"),
                null,
                null,
                JsonRead.Opt(l, "title"),
                JsonRead.Int(l, "quantity"),
                JsonRead.Dec(l, "price"),
                JsonRead.SumOf(l, "discount_allocations", "amount") ?? JsonRead.OptDec(l, "total_discount"),
                JsonRead.SumOf(l, "tax_lines", "price"))).ToList(),
            Fulfilment = FulfilmentMethod.Ship(JsonRead.Arr(order, "shipping_lines").Select(l => JsonRead.Opt(l, "code")).FirstOrDefault()),
            // Shopify allocates every discount to the lines (discount_allocations) or to shipping lines.
            Discounts = JsonRead.Arr(order, "discount_codes").Select(d => new OrderDiscount(JsonRead.Opt(d, "code"), JsonRead.OptDec(d, "amount") ?? 0m, AllocatedToLines: true)).ToList(),
            ShippingCharges = JsonRead.Arr(order, "shipping_lines").Select(l => new ShippingCharge(
                JsonRead.Opt(l, "title") ?? JsonRead.Opt(l, "code"),
                JsonRead.OptDec(l, "price") ?? 0m,
                JsonRead.SumOf(l, "discount_allocations", "amount") ?? 0m,
                JsonRead.SumOf(l, "tax_lines", "price"))).ToList(),
            Totals = JsonRead.OptDec(order, "total_price") is { } total
                ? new OrderTotals(total, JsonRead.OptDec(order, "total_tax"), JsonRead.Opt(order, "taxes_included") == "true")
                : null,
            Notes = OrderNotes.Of(JsonRead.Opt(order, "note"), giftMessage: GiftMessage(order)),
            Status = JsonRead.Opt(order, "cancelled_at") is not null ? ChannelOrderStatus.Cancelled
                : JsonRead.Opt(order, "financial_status") == "refunded" ? ChannelOrderStatus.Refunded
                : ChannelOrderStatus.Open,
        };
    }

    /// <summary>Shopify has no gift message field: themes put it in a note attribute (cart attribute) named like "gift message".</summary>
    private static string? GiftMessage(JsonElement order) => JsonRead.Arr(order, "note_attributes")
        .Where(a => JsonRead.Opt(a, "name") is { } n && n.Replace("_", " ", StringComparison.Ordinal).Contains("gift message", StringComparison.OrdinalIgnoreCase))
        .Select(a => JsonRead.Opt(a, "value"))
        .FirstOrDefault(v => v is not null);
}
