using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Adapters.Amazon;

/// <summary>Maps an SP-API Orders v0 order and its <c>orderItems</c>. FBA (AFN) orders are fulfilled by Amazon.</summary>
public static class AmazonOrderMapper
{
    public static CanonicalOrder Map(JsonElement order, IReadOnlyList<JsonElement> items, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(account);
        var total = JsonRead.Obj(order, "OrderTotal");
        var currency = (total is { } t ? JsonRead.Opt(t, "CurrencyCode") : null)
            ?? items.Select(i => JsonRead.Obj(i, "ItemPrice") is { } p ? JsonRead.Opt(p, "CurrencyCode") : null).FirstOrDefault(c => c is not null)
            ?? account["Currency"]
            ?? throw new PayloadException("No currency on the order or its items (set Currency on the account).");
        var address = JsonRead.Obj(order, "ShippingAddress");
        var buyer = JsonRead.Obj(order, "BuyerInfo");
        return new CanonicalOrder
        {
            Channel = account.Channel,
            Store = account.Store,
            ChannelOrderId = JsonRead.Req(order, "AmazonOrderId"),
            PlacedAt = JsonRead.Date(order, "PurchaseDate"),
            UpdatedAt = JsonRead.OptDate(order, "LastUpdateDate"),
            Currency = currency,
            Buyer = buyer is { } b ? new Party(JsonRead.Opt(b, "BuyerName"), JsonRead.Opt(b, "BuyerEmail"), null) : null,
            ShippingAddress = address is { } a
                ? new Address(
                    JsonRead.Opt(a, "Name"),
                    JsonRead.Opt(a, "AddressLine1"),
                    JsonRead.Opt(a, "AddressLine2"),
                    JsonRead.Opt(a, "City"),
                    JsonRead.Opt(a, "StateOrRegion"),
                    JsonRead.Opt(a, "PostalCode"),
                    JsonRead.Opt(a, "CountryCode"),
                    JsonRead.Opt(a, "Phone"))
                : null,
            Lines = items.Select(Line).ToList(),
            Fulfilment = JsonRead.Opt(order, "FulfillmentChannel") == "AFN" ? new FulfilmentMethod(FulfilmentKind.FulfilledByChannel, null, "AFN")
                : JsonRead.Opt(order, "IsISPU") == "true" ? new FulfilmentMethod(FulfilmentKind.PickupInStore, account["PickupStore"])
                : FulfilmentMethod.Ship(JsonRead.Opt(order, "ShipServiceLevel")),
            Status = JsonRead.Opt(order, "OrderStatus") == "Canceled" ? ChannelOrderStatus.Cancelled : ChannelOrderStatus.Open,
            Discounts = [],
            ShippingCharges = items.Select(i => new ShippingCharge(
                JsonRead.Opt(order, "ShipServiceLevel"),
                Money(i, "ShippingPrice") ?? 0m,
                Money(i, "ShippingDiscount") ?? 0m,
                Money(i, "ShippingTax"))).Where(c => c.Price != 0 || c.Discount != 0).ToList(),
            Totals = total is { } orderTotal && JsonRead.OptDec(orderTotal, "Amount") is { } amount ? Totals(amount, items) : null,
            Notes = OrderNotes.Of(null, giftMessage: items.Select(i => JsonRead.Obj(i, "BuyerInfo") is { } bi ? JsonRead.Opt(bi, "GiftMessageText") : null).FirstOrDefault(m => m is not null)),
        };
    }

    /// <summary>
    /// Amazon states no tax convention on the order: ItemPrice includes VAT where the marketplace shows prices with
    /// it (EU, UK) and excludes sales tax elsewhere (US). The convention is the one under which the parts make
    /// OrderTotal; when neither does, tax is taken as added on top and the order is flagged by the totals check.
    /// </summary>
    private static OrderTotals Totals(decimal total, IReadOnlyList<JsonElement> items)
    {
        var tax = items.Sum(i => (Money(i, "ItemTax") ?? 0m) + (Money(i, "ShippingTax") ?? 0m) - (Money(i, "PromotionDiscountTax") ?? 0m) - (Money(i, "ShippingDiscountTax") ?? 0m));
        var withoutTax = items.Sum(i => (Money(i, "ItemPrice") ?? 0m) - (Money(i, "PromotionDiscount") ?? 0m) + (Money(i, "ShippingPrice") ?? 0m) - (Money(i, "ShippingDiscount") ?? 0m));
        var included = tax != 0 && Math.Abs(withoutTax - total) <= 0.01m * Math.Max(1, items.Count);
        return new OrderTotals(total, tax, included);
    }

    private static decimal? Money(JsonElement item, string name) => JsonRead.Obj(item, name) is { } m ? JsonRead.OptDec(m, "Amount") : null;

    /// <summary>ItemPrice is the price of the whole quantity; the canonical line carries the unit price.</summary>
    private static OrderLine Line(JsonElement item)
    {
        var quantity = JsonRead.Int(item, "QuantityOrdered");
        var price = JsonRead.Obj(item, "ItemPrice") is { } p ? JsonRead.OptDec(p, "Amount") ?? 0 : 0;
        return new OrderLine(
            JsonRead.Req(item, "OrderItemId"),
            JsonRead.Opt(item, "SellerSKU"),
            null,
            null,
            JsonRead.Opt(item, "ASIN"),
            null,
            JsonRead.Opt(item, "Title"),
            quantity,
            quantity > 0 ? Math.Round(price / quantity, 4) : price,
            Money(item, "PromotionDiscount"),
            Money(item, "ItemTax") is { } tax ? tax - (Money(item, "PromotionDiscountTax") ?? 0m) : null);
    }
}
