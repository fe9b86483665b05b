using Microsoft.Azure.Functions.Worker;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>
/// Turns the order's reservations into shipments in the ledger (key <see cref="FlowKeys.Move"/>) and
/// records on the order what left where, which returns are checked against.
/// </summary>
public sealed class ShipStock(StockLedger ledger, OrderStore store)
{
    public const string Name = nameof(ShipStock);

    [Function(Name)]
    public async Task<int> RunAsync([ActivityTrigger] AllocationInput input, CancellationToken cancellationToken)
    {
        var shipped = await MoveReservedStock.RecordAllAsync(ledger, MovementKind.Ship, input, cancellationToken);
        await store.RecordShippedAsync(input.OrderId, input.Allocations, cancellationToken);
        return shipped;
    }
}

/// <summary>Releases the order's reservations (cancellation before shipping).</summary>
public sealed class ReleaseStock(StockLedger ledger)
{
    public const string Name = nameof(ReleaseStock);

    [Function(Name)]
    public Task<int> RunAsync([ActivityTrigger] AllocationInput input, CancellationToken cancellationToken) =>
        MoveReservedStock.RecordAllAsync(ledger, MovementKind.Release, input, cancellationToken);
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
