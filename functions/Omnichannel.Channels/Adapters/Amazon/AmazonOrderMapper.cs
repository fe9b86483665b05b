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
        };
    }

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
            quantity > 0 ? Math.Round(price / quantity, 4) : price);
    }
}
