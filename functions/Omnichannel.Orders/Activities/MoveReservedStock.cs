using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Flow;

namespace Omnichannel.Orders.Activities;

/// <summary>The ledger movements of <see cref="ShipStock"/>, <see cref="ReleaseStock"/> and <see cref="RecordChannelSale"/>, one per allocation.</summary>
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
