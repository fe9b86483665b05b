using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Adapters.Generic;

/// <summary>Maps the generic schema's <c>order</c> object: the canonical order in snake_case.</summary>
public static class GenericOrderMapper
{
    public static CanonicalOrder Map(JsonElement order, ChannelAccount account, bool cancelled)
    {
        ArgumentNullException.ThrowIfNull(account);
        var buyer = JsonRead.Obj(order, "buyer");
        var address = JsonRead.Obj(order, "shipping_address");
        var fulfilment = JsonRead.Obj(order, "fulfilment");
        return new CanonicalOrder
        {
            Channel = account.Channel,
            Store = account.Store,
            ChannelOrderId = JsonRead.Req(order, "id"),
            ChannelOrderNumber = JsonRead.Opt(order, "number"),
            PlacedAt = JsonRead.Date(order, "placed_at"),
            UpdatedAt = JsonRead.OptDate(order, "updated_at"),
            Currency = JsonRead.Req(order, "currency"),
            Buyer = buyer is { } b ? new Party(JsonRead.Opt(b, "name"), JsonRead.Opt(b, "email"), JsonRead.Opt(b, "phone")) : null,
            ShippingAddress = address is { } a ? ReadAddress(a) : null,
            Lines = JsonRead.Arr(order, "lines").Select(ReadLine).ToList() is { Count: > 0 } lines
                ? lines
                : throw new PayloadException("Field 'lines' is missing or empty."),
            Fulfilment = fulfilment is { } f ? ReadFulfilment(f) : FulfilmentMethod.Ship(),
            Discounts = JsonRead.Arr(order, "discounts").Select(d => new OrderDiscount(JsonRead.Opt(d, "code"), JsonRead.Dec(d, "amount"), AllocatedToLines: false)).ToList(),
            ShippingCharges = JsonRead.Arr(order, "shipping_charges").Select(c => new ShippingCharge(JsonRead.Opt(c, "title"), JsonRead.Dec(c, "amount"), JsonRead.OptDec(c, "discount") ?? 0m, JsonRead.OptDec(c, "tax"))).ToList(),
            Totals = JsonRead.Obj(order, "totals") is { } t
                ? new OrderTotals(JsonRead.Dec(t, "total"), JsonRead.OptDec(t, "tax"), JsonRead.Opt(t, "tax_included") == "true")
                : null,
            Notes = OrderNotes.Of(JsonRead.Opt(order, "note"), JsonRead.Opt(order, "delivery_instructions"), JsonRead.Opt(order, "gift_message")),
            Status = cancelled ? ChannelOrderStatus.Cancelled : JsonRead.Opt(order, "status") switch
            {
                null or "open" => ChannelOrderStatus.Open,
                "cancelled" => ChannelOrderStatus.Cancelled,
                "refunded" => ChannelOrderStatus.Refunded,
                var other => throw new PayloadException($"Field 'status' has unknown value '{other}'."),
            },
        };
    }

    public static Address ReadAddress(JsonElement a) => new(
        JsonRead.Opt(a, "name"),
        JsonRead.Opt(a, "line1"),
        JsonRead.Opt(a, "line2"),
        JsonRead.Opt(a, "city"),
        JsonRead.Opt(a, "region"),
        JsonRead.Opt(a, "postal_code"),
        JsonRead.Opt(a, "country_code"),
        JsonRead.Opt(a, "phone"));

    public static OrderLine ReadLine(JsonElement l) => new(
        JsonRead.Req(l, "id"),
        JsonRead.Opt(l, "sku"),
        JsonRead.Opt(l, "item_id"),
        JsonRead.Opt(l, "variant_id"),
        JsonRead.Opt(l, "asin"),
        JsonRead.Opt(l, "gtin"),
        JsonRead.Opt(l, "title"),
        JsonRead.Int(l, "quantity"),
        JsonRead.Dec(l, "unit_price"),
        JsonRead.OptDec(l, "discount"),
        JsonRead.OptDec(l, "tax"));

    private static FulfilmentMethod ReadFulfilment(JsonElement f) => JsonRead.Opt(f, "kind") switch
    {
        null or "ship" => FulfilmentMethod.Ship(JsonRead.Opt(f, "network")),
        "pickup_in_store" => new FulfilmentMethod(FulfilmentKind.PickupInStore, JsonRead.Req(f, "location")),
        "fulfilled_by_channel" => new FulfilmentMethod(FulfilmentKind.FulfilledByChannel, null, JsonRead.Opt(f, "network")),
        var other => throw new PayloadException($"Field 'fulfilment.kind' has unknown value '{other}'."),
    };
}
