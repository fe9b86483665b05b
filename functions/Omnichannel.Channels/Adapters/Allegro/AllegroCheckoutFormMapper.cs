using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Adapters.Allegro;

/// <summary>
/// Maps an Allegro checkout form (<c>GET /order/checkout-forms/{id}</c>). A pickup point delivery is a pickup.
/// Money: prices are gross (tax included); a line's <c>originalPrice</c> is the unit price before its discounts and
/// <c>price</c> the unit price paid, so the line discount is their difference times the quantity (the schema's
/// <c>discounts[]</c> name only the type). Delivery <c>cost</c> and each line's additional services (price × quantity)
/// are charges; <c>summary.totalToPay</c> is the total. <c>messageToSeller</c> is the buyer's note.
/// </summary>
public static class AllegroCheckoutFormMapper
{
    public static CanonicalOrder Map(JsonElement form, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var buyer = JsonRead.Obj(form, "buyer");
        var delivery = JsonRead.Obj(form, "delivery");
        var address = delivery is { } d ? JsonRead.Obj(d, "address") : null;
        var pickupPoint = delivery is { } dp ? JsonRead.Obj(dp, "pickupPoint") : null;
        var lines = JsonRead.Arr(form, "lineItems").ToList();
        return new CanonicalOrder
        {
            Channel = account.Channel,
            Store = account.Store,
            ChannelOrderId = JsonRead.Req(form, "id"),
            PlacedAt = lines.Select(l => JsonRead.OptDate(l, "boughtAt")).FirstOrDefault(t => t is not null) ?? JsonRead.Date(form, "updatedAt"),
            UpdatedAt = JsonRead.OptDate(form, "updatedAt"),
            Currency = JsonRead.Obj(form, "summary") is { } s && JsonRead.Obj(s, "totalToPay") is { } t
                ? JsonRead.Req(t, "currency")
                : lines.Select(l => JsonRead.Obj(l, "price") is { } p ? JsonRead.Opt(p, "currency") : null).FirstOrDefault() ?? throw new Ingestion.PayloadException("No currency."),
            Buyer = buyer is { } b ? new Party(JsonRead.Name(b, "firstName", "lastName") ?? JsonRead.Opt(b, "login"), JsonRead.Opt(b, "email"), JsonRead.Opt(b, "phoneNumber")) : null,
            ShippingAddress = address is { } a
                ? new Address(JsonRead.Name(a, "firstName", "lastName"), JsonRead.Opt(a, "street"), null, JsonRead.Opt(a, "city"), null, JsonRead.Opt(a, "zipCode"), JsonRead.Opt(a, "countryCode"), JsonRead.Opt(a, "phoneNumber"))
                : null,
            Lines = lines.Select(l =>
            {
                var offer = JsonRead.Obj(l, "offer");
                var external = offer is { } o ? JsonRead.Obj(o, "external") : null;
                var quantity = JsonRead.Int(l, "quantity");
                var paid = Amount(l, "price") ?? 0m;
                var original = Amount(l, "originalPrice") ?? paid;
                return new OrderLine(
                    JsonRead.Req(l, "id"),
                    external is { } e ? JsonRead.Opt(e, "id") : null,
                    offer is { } oi ? JsonRead.Opt(oi, "id") : null,
                    null,
                    null,
                    null,
                    offer is { } on ? JsonRead.Opt(on, "name") : null,
                    quantity,
                    original,
                    original > paid ? (original - paid) * quantity : null);
            }).ToList(),
            ShippingCharges = Charges(delivery, lines),
            Totals = JsonRead.Obj(form, "summary") is { } summary && Amount(summary, "totalToPay") is { } total
                ? new OrderTotals(total, null, TaxIncluded: true)
                : null,
            Notes = OrderNotes.Of(JsonRead.Opt(form, "messageToSeller")),
            Fulfilment = pickupPoint is { } pp
                ? new FulfilmentMethod(FulfilmentKind.PickupInStore, JsonRead.Opt(pp, "id"))
                : FulfilmentMethod.Ship(delivery is { } dm && JsonRead.Obj(dm, "method") is { } m ? JsonRead.Opt(m, "name") : null),
            Status = JsonRead.Opt(form, "status") == "CANCELLED" ? ChannelOrderStatus.Cancelled : ChannelOrderStatus.Open,
        };
    }

    private static List<ShippingCharge> Charges(JsonElement? delivery, List<JsonElement> lines)
    {
        var charges = new List<ShippingCharge>();
        if (delivery is { } d && Amount(d, "cost") is { } cost and not 0)
        {
            charges.Add(new ShippingCharge(JsonRead.Obj(d, "method") is { } m ? JsonRead.Opt(m, "name") : null, cost));
        }

        charges.AddRange(lines
            .SelectMany(l => JsonRead.Arr(l, "selectedAdditionalServices"))
            .Select(s => new ShippingCharge(JsonRead.Opt(s, "name"), (Amount(s, "price") ?? 0m) * (JsonRead.OptDec(s, "quantity") ?? 1m)))
            .Where(c => c.Price != 0));
        return charges;
    }

    /// <summary>An Allegro Price (<c>{amount: "12.34", currency}</c>).</summary>
    private static decimal? Amount(JsonElement e, string name) =>
        JsonRead.Obj(e, name) is { } price ? JsonRead.OptDec(price, "amount") : null;
}
