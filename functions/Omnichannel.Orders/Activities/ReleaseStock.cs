using Microsoft.Azure.Functions.Worker;
using Omnichannel.Events.Model;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Events;
using Omnichannel.Orders.Flow;

namespace Omnichannel.Orders.Activities;

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
