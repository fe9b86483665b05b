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

/// <summary>Releases the order's reservations (cancellation before shipping); records <c>cancelled</c> when it releases for one.</summary>
public sealed class ReleaseStock(StockLedger ledger, OrderEventRecorder events)
{
    public const string Name = nameof(ReleaseStock);

    [Function(Name)]
    public async Task<int> RunAsync([ActivityTrigger] AllocationInput input, CancellationToken cancellationToken)
    {
        var released = await MoveReservedStock.RecordAllAsync(ledger, MovementKind.Release, input, cancellationToken);
        if (input.CancelReason is { } reason)
        {
            await events.RecordAsync(EventTypes.OrderCancelled, new OrderEventData(input.OrderId, "Cancel", input.Channel, Detail: reason), cancellationToken);
        }

        return released;
    }
}

internal static class MoveReservedStock
{
    /// <summary>Records one movement per allocation (key <see cref="FlowKeys.Move"/>); a refusal fails the activity with the ledger's reason.</summary>
    public static async Task<int> RecordAllAsync(StockLedger ledger, MovementKind kind, AllocationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stock = new StockInput(input.OrderId, input.Channel, Channels.Model.FulfilmentMethod.Ship(), []);
        foreach (var allocation in input.Allocations)
        {
            var outcome = await ledger.RecordAsync(ReserveStock.Command(kind, allocation, FlowKeys.Move(input.OrderId, kind, allocation), stock), cancellationToken);
            if (outcome.Rejection is { } rejection)
            {
                throw new InvalidOperationException($"The ledger refused {kind} of {allocation.Sku} at {allocation.Location}: {rejection.Message}");
            }
        }

        return input.Allocations.Count;
    }
}
