namespace Omnichannel.Orders.Model;

/// <summary>Flags an order can carry for operations.</summary>
public static class OrderFlags
{
    /// <summary>The channel cancelled the order after it shipped (or after the flow ended): needs a manual return or refund.</summary>
    public const string CancelledAfterFlow = "cancelledAfterShipping";
}
