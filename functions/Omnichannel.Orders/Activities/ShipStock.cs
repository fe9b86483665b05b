using Microsoft.Azure.Functions.Worker;
using Omnichannel.Events.Model;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Events;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>
/// Turns the order's reservations into shipments in the ledger (key <see cref="FlowKeys.Move"/>) and
/// records on the order what left where, which returns are checked against. Records <c>shipped</c> (with the
/// parcel's carrier and tracking) or, for a collected click-and-collect order, <c>pickedup</c>, once per parcel.
/// </summary>
public sealed class ShipStock(StockLedger ledger, OrderStore store, OrderEventRecorder events)
{
    public const string Name = nameof(ShipStock);

    [Function(Name)]
    public async Task<int> RunAsync([ActivityTrigger] AllocationInput input, CancellationToken cancellationToken)
    {
        var shipped = await MoveReservedStock.RecordAllAsync(ledger, MovementKind.Ship, input, cancellationToken);
        await store.RecordShippedAsync(input.OrderId, input.Allocations, cancellationToken);
        if (input.Parcel is { } p)
        {
            var pickup = p.Carrier == Flow.PickupSteps.PickupCarrier && string.IsNullOrEmpty(p.TrackingNumber);
            var location = p.Location ?? input.Allocations.FirstOrDefault()?.Location;
            var parcel = new ParcelData(p.Carrier, pickup ? null : p.TrackingNumber, p.TrackingUrl, location, p.ShippedAt, p.Lines.Select(l => new ParcelLine(l.ChannelLineId, l.Quantity)).ToList());
            await events.RecordAsync(
                pickup ? EventTypes.OrderPickedUp : EventTypes.OrderShipped,
                new OrderEventData(input.OrderId, Name, input.Channel, Parcel: parcel),
                cancellationToken,
                pickup ? location : p.TrackingNumber);
        }

        return shipped;
    }
}
