using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Adapters.Allegro;

/// <summary>Maps an Allegro checkout form (<c>GET /order/checkout-forms/{id}</c>). A pickup point delivery is a pickup.</summary>
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
                return new OrderLine(
                    JsonRead.Req(l, "id"),
                    external is { } e ? JsonRead.Opt(e, "id") : null,
                    offer is { } oi ? JsonRead.Opt(oi, "id") : null,
                    null,
                    null,
                    null,
                    offer is { } on ? JsonRead.Opt(on, "name") : null,
                    JsonRead.Int(l, "quantity"),
                    JsonRead.Obj(l, "price") is { } p ? JsonRead.Dec(p, "amount") : 0);
            }).ToList(),
            Fulfilment = pickupPoint is { } pp
                ? new FulfilmentMethod(FulfilmentKind.PickupInStore, JsonRead.Opt(pp, "id"))
                : FulfilmentMethod.Ship(delivery is { } dm && JsonRead.Obj(dm, "method") is { } m ? JsonRead.Opt(m, "name") : null),
            Status = JsonRead.Opt(form, "status") == "CANCELLED" ? ChannelOrderStatus.Cancelled : ChannelOrderStatus.Open,
        };
    }
}
