namespace Omnichannel.Events.Model;

/// <summary>The CloudEvents <c>type</c> of every event the hub sends; each has a JSON Schema in Schemas/{type}.json.</summary>
public static class EventTypes
{
    public const string StockChanged = "omnichannel.stock.changed";
    public const string StockLow = "omnichannel.stock.low";
    public const string StockRecount = "omnichannel.stock.recount";
    public const string OrderReceived = "omnichannel.order.received";
    public const string OrderNeedsAttention = "omnichannel.order.needsattention";
    public const string OrderBackordered = "omnichannel.order.backordered";
    public const string OrderReserved = "omnichannel.order.reserved";
    public const string OrderShipped = "omnichannel.order.shipped";
    public const string OrderPickedUp = "omnichannel.order.pickedup";
    public const string OrderCancelled = "omnichannel.order.cancelled";
    public const string OrderReturned = "omnichannel.order.returned";
    public const string OrderFailed = "omnichannel.order.failed";

    public static IReadOnlyList<string> All { get; } =
    [
        StockChanged, StockLow, StockRecount, OrderReceived, OrderNeedsAttention, OrderBackordered, OrderReserved,
        OrderShipped, OrderPickedUp, OrderCancelled, OrderReturned, OrderFailed,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
