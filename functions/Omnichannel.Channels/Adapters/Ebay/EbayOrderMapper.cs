using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Adapters.Ebay;

/// <summary>Maps a Fulfillment API order. <c>lineItemCost</c> is unit price times quantity, so it is divided back.</summary>
public static class EbayOrderMapper
{
    public static CanonicalOrder Map(JsonElement order, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var instructions = JsonRead.Arr(order, "fulfillmentStartInstructions").FirstOrDefault();
        var hasInstructions = instructions.ValueKind == JsonValueKind.Object;
        var shipTo = hasInstructions && JsonRead.Obj(instructions, "shippingStep") is { } step ? JsonRead.Obj(step, "shipTo") : null;
        var address = shipTo is { } st ? JsonRead.Obj(st, "contactAddress") : null;
        var registration = JsonRead.Obj(order, "buyer") is { } b ? JsonRead.Obj(b, "buyerRegistrationAddress") : null;
        var pickup = hasInstructions && JsonRead.Opt(instructions, "fulfillmentInstructionsType") == "PICKUP_IN_STORE";
        return new CanonicalOrder
        {
            Channel = account.Channel,
            Store = account.Store,
            ChannelOrderId = JsonRead.Req(order, "orderId"),
            PlacedAt = JsonRead.Date(order, "creationDate"),
            UpdatedAt = JsonRead.OptDate(order, "lastModifiedDate"),
            Currency = JsonRead.Obj(order, "pricingSummary") is { } p && JsonRead.Obj(p, "total") is { } t ? JsonRead.Req(t, "currency") : JsonRead.Req(order, "currency"),
            Buyer = registration is { } r ? new Party(JsonRead.Opt(r, "fullName"), JsonRead.Opt(r, "email"), null) : null,
            ShippingAddress = address is { } a
                ? new Address(
                    shipTo is { } n ? JsonRead.Opt(n, "fullName") : null,
                    JsonRead.Opt(a, "addressLine1"),
                    JsonRead.Opt(a, "addressLine2"),
                    JsonRead.Opt(a, "city"),
                    JsonRead.Opt(a, "stateOrProvince"),
                    JsonRead.Opt(a, "postalCode"),
                    JsonRead.Opt(a, "countryCode"),
                    shipTo is { } ph && JsonRead.Obj(ph, "primaryPhone") is { } phone ? JsonRead.Opt(phone, "phoneNumber") : null)
                : null,
            Lines = JsonRead.Arr(order, "lineItems").Select(l =>
            {
                var quantity = JsonRead.Int(l, "quantity");
                var cost = JsonRead.Obj(l, "lineItemCost") is { } c ? JsonRead.OptDec(c, "value") ?? 0 : 0;
                var discounted = JsonRead.Obj(l, "discountedLineItemCost") is { } d ? JsonRead.OptDec(d, "value") : null;
                var promotions = JsonRead.Arr(l, "appliedPromotions").Sum(p => JsonRead.Obj(p, "discountAmount") is { } a ? JsonRead.OptDec(a, "value") ?? 0m : 0m);
                var taxes = JsonRead.Arr(l, "taxes").Select(x => JsonRead.Obj(x, "amount") is { } a ? JsonRead.OptDec(a, "value") : null).Where(x => x is not null).ToList();
                return new OrderLine(
                    JsonRead.Req(l, "lineItemId"), JsonRead.Opt(l, "sku"), JsonRead.Opt(l, "legacyItemId"), JsonRead.Opt(l, "legacyVariationId"), null, null, JsonRead.Opt(l, "title"), quantity,
                    quantity > 0 ? Math.Round(cost / quantity, 4) : cost,
                    discounted is { } after ? cost - after : l.TryGetProperty("appliedPromotions", out _) ? promotions : null,
                    taxes.Count > 0 ? taxes.Sum() : null);
            }).ToList(),
            Fulfilment = pickup
                ? new FulfilmentMethod(FulfilmentKind.PickupInStore, JsonRead.Obj(instructions, "pickupStep") is { } ps ? JsonRead.Opt(ps, "merchantLocationKey") : null)
                : FulfilmentMethod.Ship(),
            Discounts = [],
            ShippingCharges = Amount(order, "deliveryCost") is { } delivery ? [new ShippingCharge(null, delivery, -(Amount(order, "deliveryDiscount") ?? 0m))] : [],
            Totals = Amount(order, "total") is { } total ? new OrderTotals(total, Amount(order, "tax"), TaxIncluded: false) : null,
            Notes = OrderNotes.Of(JsonRead.Opt(order, "buyerCheckoutNotes")),
            Status = JsonRead.Obj(order, "cancelStatus") is { } cs && JsonRead.Opt(cs, "cancelState") == "CANCELED" ? ChannelOrderStatus.Cancelled
                : JsonRead.Opt(order, "orderPaymentStatus") == "FULLY_REFUNDED" ? ChannelOrderStatus.Refunded
                : ChannelOrderStatus.Open,
        };
    }

    /// <summary>An amount of <c>pricingSummary</c> (eBay writes discounts as negative values).</summary>
    private static decimal? Amount(JsonElement order, string name) =>
        JsonRead.Obj(order, "pricingSummary") is { } p && JsonRead.Obj(p, name) is { } a ? JsonRead.OptDec(a, "value") : null;
}
