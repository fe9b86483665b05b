using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Adapters.Walmart;

/// <summary>
/// Maps a Walmart purchase order (<c>payload</c> of PO_CREATED, or an order of <c>GET /v3/orders</c>).
/// The unit price is the line's PRODUCT charge (our copy of the docs does not say more); a negative PRODUCT charge
/// (e.g. <c>SubscriptionDiscount</c>) is the line's discount; SHIPPING charges are shipping; every charge's
/// <c>tax.taxAmount</c> is tax on top (US sales tax); <c>orderSummary.totalAmount</c>, where given, is the total.
/// </summary>
public static class WalmartOrderMapper
{
    public static CanonicalOrder Map(JsonElement order, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var shipping = JsonRead.Obj(order, "shippingInfo");
        var postal = shipping is { } s ? JsonRead.Obj(s, "postalAddress") : null;
        var lines = JsonRead.Obj(order, "orderLines") is { } ol ? JsonRead.Arr(ol, "orderLine").ToList() : [];
        var charges = lines.Select(ProductCharge).ToList();
        var summary = JsonRead.Obj(order, "orderSummary") is { } os ? JsonRead.Obj(os, "totalAmount") : null;
        var taxes = lines.SelectMany(Charges).Sum(Tax);
        return new CanonicalOrder
        {
            Channel = account.Channel,
            Store = account.Store,
            ChannelOrderId = JsonRead.Req(order, "purchaseOrderId"),
            ChannelOrderNumber = JsonRead.Opt(order, "customerOrderId"),
            PlacedAt = long.TryParse(JsonRead.Req(order, "orderDate"), System.Globalization.CultureInfo.InvariantCulture, out var epochMs)
                ? DateTimeOffset.FromUnixTimeMilliseconds(epochMs)
                : JsonRead.Date(order, "orderDate"),
            Currency = charges.Select(c => c.Currency).FirstOrDefault(c => c is not null) ?? (summary is { } su ? JsonRead.Opt(su, "currencyUnit") : null) ?? account["Currency"] ?? "USD",
            Buyer = new Party(postal is { } n ? JsonRead.Opt(n, "name") : null, JsonRead.Opt(order, "customerEmailId"), shipping is { } p ? JsonRead.Opt(p, "phone") : null),
            ShippingAddress = postal is { } a
                ? new Address(JsonRead.Opt(a, "name"), JsonRead.Opt(a, "address1"), JsonRead.Opt(a, "address2"), JsonRead.Opt(a, "city"), JsonRead.Opt(a, "state"), JsonRead.Opt(a, "postalCode"), JsonRead.Opt(a, "country"), null)
                : null,
            Lines = lines.Select((l, i) =>
            {
                var item = JsonRead.Obj(l, "item");
                var quantity = JsonRead.Obj(l, "orderLineQuantity") is { } q ? JsonRead.Int(q, "amount") : 1;
                var product = Charges(l).Where(c => JsonRead.Opt(c, "chargeType") == "PRODUCT").ToList();
                var discount = -product.Sum(c => Math.Min(0m, Amount(c)));
                return new OrderLine(
                    JsonRead.Req(l, "lineNumber"),
                    item is { } it ? JsonRead.Opt(it, "sku") : null,
                    null,
                    null,
                    null,
                    null,
                    item is { } t ? JsonRead.Opt(t, "productName") : null,
                    quantity,
                    charges[i].Amount,
                    discount == 0 ? null : discount,
                    product.Any(c => JsonRead.Obj(c, "tax") is not null) ? product.Sum(Tax) : null);
            }).ToList() is { Count: > 0 } mapped ? mapped : throw new PayloadException("No order lines."),
            ShippingCharges = lines.SelectMany(Charges)
                .Where(c => JsonRead.Opt(c, "chargeType") == "SHIPPING")
                .Select(c => new ShippingCharge(JsonRead.Opt(c, "chargeName"), Amount(c), 0m, Tax(c)))
                .ToList(),
            Totals = summary is { } total && JsonRead.OptDec(total, "currencyAmount") is { } amount
                ? new OrderTotals(amount, taxes, TaxIncluded: false)
                : null,
            Fulfilment = FulfilmentMethod.Ship(shipping is { } m ? JsonRead.Opt(m, "methodCode") : null),
            Status = ChannelOrderStatus.Open,
        };
    }

    private static IEnumerable<JsonElement> Charges(JsonElement line) =>
        JsonRead.Obj(line, "charges") is { } c ? JsonRead.Arr(c, "charge") : [];

    private static decimal Amount(JsonElement charge) =>
        JsonRead.Obj(charge, "chargeAmount") is { } a ? JsonRead.OptDec(a, "amount") ?? 0m : 0m;

    private static decimal Tax(JsonElement charge) =>
        JsonRead.Obj(charge, "tax") is { } t && JsonRead.Obj(t, "taxAmount") is { } a ? JsonRead.OptDec(a, "amount") ?? 0m : 0m;

    private static (string? Currency, decimal Amount) ProductCharge(JsonElement line)
    {
        var product = Charges(line).Where(x => JsonRead.Opt(x, "chargeType") == "PRODUCT").ToList();
        var charge = product.FirstOrDefault(x => JsonRead.Opt(x, "chargeName") == "ItemPrice");
        charge = charge.ValueKind == JsonValueKind.Object ? charge : product.FirstOrDefault(x => Amount(x) >= 0);
        var amount = charge.ValueKind == JsonValueKind.Object ? JsonRead.Obj(charge, "chargeAmount") : null;
        return amount is { } a ? (JsonRead.Opt(a, "currency"), JsonRead.OptDec(a, "amount") ?? 0) : (null, 0);
    }
}
