using System.Globalization;
using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Adapters.BigCommerce;

/// <summary>
/// Maps the joined v2 answers (<see cref="BigCommerceOrderFetcher"/>). Dates are RFC 2822
/// ("Sat, 03 Mar 2018 02:35:28 +0000"); money is a decimal string; <c>status_id</c> 5 (Cancelled) and 6 (Declined) read
/// as cancelled, 4 (Refunded) as refunded. The line id is the order product <c>id</c>, which the shipment call names.
/// Money is read tax-inclusive, as BigCommerce's own arithmetic goes (<c>subtotal_inc_tax</c> + shipping, handling and
/// wrapping <c>*_inc_tax</c> − <c>discount_amount</c> − <c>coupon_discount</c> = <c>total_inc_tax</c>): a line is its
/// <c>price_inc_tax</c> with its <c>total_tax</c>; the manual and coupon discounts count as spread over the lines when
/// the products' <c>applied_discounts</c> add up to them, and as order discounts otherwise. <c>customer_message</c> is
/// the buyer's note, the products' <c>wrapping_message</c> the gift message.
/// </summary>
public static class BigCommerceOrderMapper
{
    private const int Incomplete = 0;

    public static CanonicalOrder Map(JsonElement joined, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var order = JsonRead.Obj(joined, "order") ?? throw new PayloadException("Field 'order' is missing.");
        var billing = JsonRead.Obj(order, "billing_address");
        var shipping = JsonRead.Arr(joined, "shipping_addresses").Cast<JsonElement?>().FirstOrDefault();
        var products = JsonRead.Arr(joined, "products").ToList();
        var lines = products.Select(Line).ToList();
        return new CanonicalOrder
        {
            Channel = account.Channel,
            Store = account.Store,
            ChannelOrderId = JsonRead.Req(order, "id"),
            PlacedAt = Date(order, "date_created") ?? throw new PayloadException("Field 'date_created' is missing."),
            UpdatedAt = Date(order, "date_modified"),
            Currency = JsonRead.Opt(order, "currency_code") ?? JsonRead.Req(order, "default_currency_code"),
            Buyer = billing is { } b ? new Party(JsonRead.Name(b), JsonRead.Opt(b, "email"), JsonRead.Opt(b, "phone")) : null,
            ShippingAddress = shipping is { } s
                ? new Address(JsonRead.Name(s), JsonRead.Opt(s, "street_1"), JsonRead.Opt(s, "street_2"), JsonRead.Opt(s, "city"), JsonRead.Opt(s, "state"), JsonRead.Opt(s, "zip"), JsonRead.Opt(s, "country_iso2"), JsonRead.Opt(s, "phone"))
                : null,
            Lines = lines.Count > 0 ? lines : throw new PayloadException("The order has no products."),
            Discounts = Discounts(order, lines),
            ShippingCharges = new[]
            {
                Charge(order, "shipping", "shipping_cost"),
                Charge(order, "handling", "handling_cost"),
                Charge(order, "gift wrapping", "wrapping_cost"),
            }.Where(c => c.Price != 0).ToList(),
            Totals = JsonRead.OptDec(order, "total_inc_tax") is { } total ? new OrderTotals(total, JsonRead.OptDec(order, "total_tax"), TaxIncluded: true) : null,
            Notes = OrderNotes.Of(
                JsonRead.Opt(order, "customer_message"),
                giftMessage: string.Join("\n", products.Select(p => JsonRead.Opt(p, "wrapping_message")?.Trim()).Where(m => !string.IsNullOrEmpty(m)).Distinct(StringComparer.Ordinal))),
            Fulfilment = FulfilmentMethod.Ship(shipping is { } m ? JsonRead.Opt(m, "shipping_method") : null),
            Status = StatusId(order) switch
            {
                5 or 6 => ChannelOrderStatus.Cancelled,
                4 => ChannelOrderStatus.Refunded,
                _ => ChannelOrderStatus.Open,
            },
        };
    }

    /// <summary>An incomplete checkout (status 0) is not an order yet: the next webhook brings it back when it is.</summary>
    public static string? SkipReason(JsonElement joined) =>
        JsonRead.Obj(joined, "order") is { } order && StatusId(order) == Incomplete ? "the order is an incomplete checkout (status_id 0)" : null;

    private static List<OrderDiscount> Discounts(JsonElement order, List<OrderLine> lines)
    {
        var manual = JsonRead.OptDec(order, "discount_amount") ?? 0m;
        var coupon = JsonRead.OptDec(order, "coupon_discount") ?? 0m;
        var allocated = manual + coupon != 0 && lines.Sum(l => l.Discount ?? 0m) == manual + coupon;
        return new[] { new OrderDiscount("manual", manual, allocated), new OrderDiscount("coupon", coupon, allocated) }.Where(d => d.Amount != 0).ToList();
    }

    private static ShippingCharge Charge(JsonElement order, string title, string field) =>
        new(title, JsonRead.OptDec(order, field + "_inc_tax") ?? 0m, 0m, JsonRead.OptDec(order, field + "_tax"));

    private static OrderLine Line(JsonElement p) => new(
        JsonRead.Req(p, "id"),
        JsonRead.Opt(p, "sku"),
        JsonRead.Opt(p, "product_id"),
        JsonRead.Opt(p, "variant_id"),
        null,
        JsonRead.Opt(p, "upc"),
        JsonRead.Opt(p, "name"),
        JsonRead.Int(p, "quantity"),
        JsonRead.OptDec(p, "price_inc_tax") ?? JsonRead.Dec(p, "base_price"),
        JsonRead.SumOf(p, "applied_discounts", "amount") is { } discount and not 0 ? discount : null,
        JsonRead.OptDec(p, "total_tax"));

    private static int? StatusId(JsonElement order) =>
        int.TryParse(JsonRead.Opt(order, "status_id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static DateTimeOffset? Date(JsonElement e, string name) =>
        JsonRead.Opt(e, name) is not { } text ? null
        : DateTimeOffset.TryParseExact(text, "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var rfc) ? rfc
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) ? iso
        : throw new PayloadException($"Field '{name}' is not a date.");
}
