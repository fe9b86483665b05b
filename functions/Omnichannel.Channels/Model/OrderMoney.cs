using System.Globalization;

namespace Omnichannel.Channels.Model;

/// <summary>An order-level discount as the channel states it.</summary>
/// <param name="Code">Discount code or title, if any.</param>
/// <param name="Amount">Amount off the order (positive).</param>
/// <param name="AllocatedToLines">True when the channel already spread it over the lines' <see cref="OrderLine.Discount"/> (Shopify, WooCommerce): it is then not taken off again.</param>
public sealed record OrderDiscount(string? Code, decimal Amount, bool AllocatedToLines);

/// <summary>One shipping charge.</summary>
/// <param name="Title">Service or method name.</param>
/// <param name="Price">Charged before its discounts (tax included when <see cref="OrderTotals.TaxIncluded"/>).</param>
/// <param name="Discount">Discounts on it.</param>
/// <param name="Tax">Tax on it, where the channel says.</param>
public sealed record ShippingCharge(string? Title, decimal Price, decimal Discount = 0m, decimal? Tax = null);

/// <summary>The order's totals as the channel states them.</summary>
/// <param name="Total">What the buyer pays.</param>
/// <param name="Tax">Total tax, where the channel says.</param>
/// <param name="TaxIncluded">Line prices and shipping include tax (Shopify <c>taxes_included</c>, EU marketplaces); otherwise tax is added on top.</param>
/// <param name="Rounding">Largest difference the channel's rounding may leave between the parts and the total (default 0.01 per line).</param>
public sealed record OrderTotals(decimal Total, decimal? Tax, bool TaxIncluded, decimal? Rounding = null);

/// <summary>What the buyer wrote for the people who pack the order.</summary>
public sealed record OrderNotes(string? BuyerNote = null, string? DeliveryInstructions = null, string? GiftMessage = null)
{
    /// <summary>Null when there is nothing to say.</summary>
    public static OrderNotes? Of(string? buyerNote, string? deliveryInstructions = null, string? giftMessage = null) =>
        string.IsNullOrWhiteSpace(buyerNote) && string.IsNullOrWhiteSpace(deliveryInstructions) && string.IsNullOrWhiteSpace(giftMessage)
            ? null
            : new OrderNotes(Blank(buyerNote), Blank(deliveryInstructions), Blank(giftMessage));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// The money of a canonical order: the check that its parts add up to the total the channel states, and each
/// line's net (after every discount, without tax) and tax per unit, which the sales report sums per currency.
/// </summary>
public static class OrderMoney
{
    /// <summary>
    /// Null when lines − line discounts + shipping − shipping discounts − unallocated order discounts (+ tax when
    /// not included) equals <see cref="OrderTotals.Total"/> within the channel's rounding, or when the order states
    /// no totals; otherwise what differs, for the order's <c>totalsMismatch</c> flag.
    /// </summary>
    public static string? CheckTotals(CanonicalOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Totals is not { } totals)
        {
            return null;
        }

        var lines = order.Lines.Sum(l => (l.Quantity * l.UnitPrice) - (l.Discount ?? 0m));
        var shipping = order.ShippingCharges?.Sum(s => s.Price - s.Discount) ?? 0m;
        var discounts = UnallocatedDiscount(order);
        var tax = totals.TaxIncluded ? 0m : totals.Tax ?? 0m;
        var computed = lines + shipping - discounts + tax;
        var tolerance = totals.Rounding ?? (0.01m * Math.Max(1, order.Lines.Count));
        return Math.Abs(computed - totals.Total) <= tolerance
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"lines {lines} + shipping {shipping} - discounts {discounts} + tax {tax} = {computed}, the channel says {totals.Total} {order.Currency}");
    }

    /// <summary>Net of one unit of <paramref name="line"/>: after its discounts and its share of unallocated order discounts, without tax.</summary>
    public static decimal UnitNet(CanonicalOrder order, OrderLine line)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(line);
        if (line.Quantity <= 0)
        {
            return line.UnitPrice;
        }

        var gross = line.Quantity * line.UnitPrice;
        var linesGross = order.Lines.Sum(l => l.Quantity * l.UnitPrice);
        var share = linesGross == 0 ? 0m : UnallocatedDiscount(order) * gross / linesGross;
        var taxIn = order.Totals?.TaxIncluded == true ? line.Tax ?? 0m : 0m;
        return (gross - (line.Discount ?? 0m) - share - taxIn) / line.Quantity;
    }

    /// <summary>Tax of one unit of <paramref name="line"/>; 0 where the channel states none.</summary>
    public static decimal UnitTax(OrderLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Quantity <= 0 ? 0m : (line.Tax ?? 0m) / line.Quantity;
    }

    private static decimal UnallocatedDiscount(CanonicalOrder order) =>
        order.Discounts?.Where(d => !d.AllocatedToLines).Sum(d => d.Amount) ?? 0m;
}
