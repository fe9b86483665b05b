namespace Omnichannel.Orders.Flow;

/// <summary>Names of the events the flow waits for, as raised through the runtime (and its HTTP API).</summary>
public static class OrderEvents
{
    public const string SkuMapped = "SkuMapped";
    public const string StockAvailable = "StockAvailable";
    public const string ShipmentConfirmed = "ShipmentConfirmed";
    public const string ReadyForPickup = "ReadyForPickup";
    public const string PickedUp = "PickedUp";
    public const string Cancelled = "OrderCancelled";
    public const string Updated = "OrderUpdated";
}
