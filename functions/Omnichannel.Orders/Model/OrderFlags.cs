namespace Omnichannel.Orders.Model;

/// <summary>Flags an order can carry for operations.</summary>
public static class OrderFlags
{
    /// <summary>The channel cancelled the order after it shipped (or after the flow ended): needs a manual return or refund.</summary>
    public const string CancelledAfterFlow = "cancelledAfterShipping";

    /// <summary>The channel's lines, shipping and discounts do not add up to the total it states (within its rounding): check the order's money.</summary>
    public const string TotalsMismatch = "totalsMismatch";
}
