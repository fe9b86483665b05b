namespace Omnichannel.Channels.Model;

/// <summary>
/// One order as every channel's payload maps to it. The key is (<see cref="Channel"/>, <see cref="Store"/>,
/// <see cref="ChannelOrderId"/>). <see cref="ToString"/> masks personal data so the record is safe in logs.
/// </summary>
public sealed record CanonicalOrder
{
    public required string Channel { get; init; }

    public required string Store { get; init; }

    public required string ChannelOrderId { get; init; }

    /// <summary>The channel's human-facing order number when it differs from the id (e.g. Shopify "#1001").</summary>
    public string? ChannelOrderNumber { get; init; }

    public required DateTimeOffset PlacedAt { get; init; }

    /// <summary>When the channel last changed the order, if it says; orders out of sequence compare on it.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; init; }

    public Party? Buyer { get; init; }

    public Address? ShippingAddress { get; init; }

    public required IReadOnlyList<OrderLine> Lines { get; init; }

    public required FulfilmentMethod Fulfilment { get; init; }

    public required ChannelOrderStatus Status { get; init; }

    /// <summary>For a store return: the sale it returns, if the POS says.</summary>
    public string? OriginalOrderId { get; init; }

    /// <summary>Order-level discounts as the channel states them (codes, amounts; whether the channel already allocated them to the lines).</summary>
    public IReadOnlyList<OrderDiscount>? Discounts { get; init; }

    /// <summary>Shipping charges as the channel states them.</summary>
    public IReadOnlyList<ShippingCharge>? ShippingCharges { get; init; }

    /// <summary>The order's totals as the channel states them; null where the adapter has no money detail.</summary>
    public OrderTotals? Totals { get; init; }

    /// <summary>The buyer's note, delivery instructions and gift message, for the pick list and the fulfilment request.</summary>
    public OrderNotes? Notes { get; init; }

    public override string ToString() =>
        $"{Channel}/{Store}/{ChannelOrderId} {Status} {Lines.Count} line(s) {Currency} buyer {PersonalData.Mask(Buyer)} to {PersonalData.Mask(ShippingAddress)}";
}

/// <summary>One ordered item as the channel names it; matching to the catalogue happens later.</summary>
/// <param name="ChannelLineId">The channel's id of the line (needed to report shipment of that line).</param>
/// <param name="ChannelSku">The seller SKU the channel knows the item by, if any.</param>
/// <param name="ChannelItemId">The channel's item/product/listing id (e.g. Shopify product id, eBay item id).</param>
/// <param name="ChannelVariantId">The channel's variant id, if any.</param>
/// <param name="Asin">Amazon's ASIN, where given.</param>
/// <param name="Gtin">GTIN/EAN/UPC, where given.</param>
/// <param name="Title">Title as shown to the buyer.</param>
/// <param name="Quantity">Units ordered (returned, for a return).</param>
/// <param name="UnitPrice">Price of one unit in the order currency, before discounts (tax included when <see cref="OrderTotals.TaxIncluded"/>).</param>
/// <param name="Discount">Discounts on the whole line (all units), including order-level discounts the channel allocated to it; null when the channel does not say.</param>
/// <param name="Tax">Tax on the whole line after its discounts; null when the channel does not say.</param>
public sealed record OrderLine(
    string ChannelLineId,
    string? ChannelSku,
    string? ChannelItemId,
    string? ChannelVariantId,
    string? Asin,
    string? Gtin,
    string? Title,
    int Quantity,
    decimal UnitPrice,
    decimal? Discount = null,
    decimal? Tax = null);

/// <summary>The buyer. Personal data: log it only through <see cref="PersonalData.Mask(Party?)"/>.</summary>
public sealed record Party(string? Name, string? Email, string? Phone)
{
    public override string ToString() => PersonalData.Mask(this);
}

/// <summary>A postal address. Personal data: log it only through <see cref="PersonalData.Mask(Address?)"/>.</summary>
public sealed record Address(
    string? Name,
    string? Line1,
    string? Line2,
    string? City,
    string? Region,
    string? PostalCode,
    string? CountryCode,
    string? Phone)
{
    public override string ToString() => PersonalData.Mask(this);
}

/// <summary>How the order leaves stock.</summary>
/// <param name="Kind">Ship, pick up in a store, sold over a store counter, or fulfilled by the channel.</param>
/// <param name="Location">Store code for pickup or a POS sale; null for shipping.</param>
/// <param name="Network">For channel fulfilment, e.g. "AFN" (FBA); for shipping, the requested service level.</param>
public sealed record FulfilmentMethod(FulfilmentKind Kind, string? Location = null, string? Network = null)
{
    public static FulfilmentMethod Ship(string? serviceLevel = null) => new(FulfilmentKind.Ship, null, serviceLevel);
}

public enum FulfilmentKind
{
    /// <summary>The merchant ships it.</summary>
    Ship,

    /// <summary>The buyer collects it in the store named by <see cref="FulfilmentMethod.Location"/>.</summary>
    PickupInStore,

    /// <summary>Sold (or returned) over the counter of a store: stock moved when the receipt was printed.</summary>
    InStore,

    /// <summary>The channel ships from its own stock (Amazon FBA, Walmart WFS): nothing to ship or report.</summary>
    FulfilledByChannel,
}

/// <summary>The order's state on the channel.</summary>
public enum ChannelOrderStatus
{
    Open,
    Cancelled,
    Refunded,
}
