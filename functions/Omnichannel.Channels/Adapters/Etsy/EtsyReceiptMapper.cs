using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Adapters.Etsy;

/// <summary>Maps an Etsy v3 shop receipt; money is <c>{amount, divisor, currency_code}</c>, times are unix seconds.</summary>
public static class EtsyReceiptMapper
{
    public static CanonicalOrder Map(JsonElement receipt, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var transactions = JsonRead.Arr(receipt, "transactions").ToList();
        return new CanonicalOrder
        {
            Channel = account.Channel,
            Store = account.Store,
            ChannelOrderId = JsonRead.Req(receipt, "receipt_id"),
            PlacedAt = Unix(receipt, "create_timestamp") ?? throw new Ingestion.PayloadException("Field 'create_timestamp' is missing."),
            UpdatedAt = Unix(receipt, "updated_timestamp"),
            Currency = JsonRead.Obj(receipt, "grandtotal") is { } g ? JsonRead.Req(g, "currency_code") : JsonRead.Req(receipt, "currency_code"),
            Buyer = new Party(JsonRead.Opt(receipt, "name"), JsonRead.Opt(receipt, "buyer_email"), null),
            ShippingAddress = new Address(
                JsonRead.Opt(receipt, "name"),
                JsonRead.Opt(receipt, "first_line"),
                JsonRead.Opt(receipt, "second_line"),
                JsonRead.Opt(receipt, "city"),
                JsonRead.Opt(receipt, "state"),
                JsonRead.Opt(receipt, "zip"),
                JsonRead.Opt(receipt, "country_iso"),
                null),
            Lines = transactions.Select(t => new OrderLine(
                JsonRead.Req(t, "transaction_id"),
                JsonRead.Opt(t, "sku"),
                JsonRead.Opt(t, "listing_id"),
                JsonRead.Opt(t, "product_id"),
                null,
                null,
                JsonRead.Opt(t, "title"),
                JsonRead.Int(t, "quantity"),
                JsonRead.Obj(t, "price") is { } p ? JsonRead.Dec(p, "amount") / JsonRead.Dec(p, "divisor") : 0)).ToList(),
            Fulfilment = FulfilmentMethod.Ship(),
            // Etsy's coupon discount is on the receipt, not spread over the transactions; tax and VAT come on top.
            Discounts = Money(receipt, "discount_amt") is { } discount and not 0 ? [new OrderDiscount(null, discount, AllocatedToLines: false)] : [],
            ShippingCharges = new[] { new ShippingCharge("shipping", Money(receipt, "total_shipping_cost") ?? 0m), new ShippingCharge("gift wrap", Money(receipt, "gift_wrap_price") ?? 0m) }
                .Where(c => c.Price != 0).ToList(),
            Totals = Money(receipt, "grandtotal") is { } total
                ? new OrderTotals(total, (Money(receipt, "total_tax_cost") ?? 0m) + (Money(receipt, "total_vat_cost") ?? 0m), TaxIncluded: false)
                : null,
            Notes = OrderNotes.Of(JsonRead.Opt(receipt, "message_from_buyer"), giftMessage: JsonRead.Opt(receipt, "gift_message")),
            Status = JsonRead.Opt(receipt, "status")?.ToLowerInvariant() switch
            {
                "canceled" or "cancelled" => ChannelOrderStatus.Cancelled,
                "fully refunded" => ChannelOrderStatus.Refunded,
                _ => ChannelOrderStatus.Open,
            },
        };
    }

    /// <summary>An Etsy Money object (<c>amount</c> / <c>divisor</c>).</summary>
    private static decimal? Money(JsonElement e, string name) =>
        JsonRead.Obj(e, name) is { } m && JsonRead.OptDec(m, "amount") is { } amount && JsonRead.OptDec(m, "divisor") is { } divisor and not 0 ? amount / divisor : null;

    private static DateTimeOffset? Unix(JsonElement e, string name) =>
        JsonRead.Opt(e, name) is { } text && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
