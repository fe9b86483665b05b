using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Flow;

namespace Omnichannel.Orders.Activities;

/// <summary>
/// The idempotency keys of the flow's effects, derived from the business (order, line, location, step) and
/// never from the run (instance execution, task id): a retry, a rewind, and a replay that restarts the flow
/// as a new execution with the same input all compute the same keys, so an effect already made is found
/// (the ledger answers a known key with the movement it recorded, a report recorded under its key is not
/// sent again) instead of being made twice.
/// </summary>
internal static class FlowKeys
{
    /// <summary>The <paramref name="index"/>th planned reservation of the flow's <paramref name="attempt"/>th reservation attempt.</summary>
    public static string Reserve(string orderId, int attempt, int index) => $"{orderId}:reserve:{attempt}:{index}";

    /// <summary>What was reserved at a location for a line, shipped, released or sold: each happens at most once per order.</summary>
    public static string Move(string orderId, MovementKind kind, Allocation allocation) =>
        $"{orderId}:{kind.ToString().ToLowerInvariant()}:{allocation.ChannelLineId}:{allocation.Location}";

    /// <summary>The fulfilment request to one location (sent once per order and location).</summary>
    public static string Fulfilment(string orderId, string location) => $"{orderId}:fulfilment:{location}";
}
