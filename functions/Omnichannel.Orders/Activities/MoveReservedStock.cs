using Omnichannel.Durable.Activities;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>
/// Turns the order's reservations into shipments in the ledger (key <c>{activity key}:{allocation}</c>) and
/// records on the order what left where, which returns are checked against.
/// </summary>
public sealed class ShipStock(StockLedger ledger, OrderStore store) : TaskActivity<AllocationInput, int>
{
    public const string Name = nameof(ShipStock);

    public override async Task<int> RunAsync(TaskActivityContext context, AllocationInput input)
    {
        var shipped = await MoveReservedStock.RecordAllAsync(ledger, MovementKind.Ship, context, input);
        await store.RecordShippedAsync(input.OrderId, input.Allocations, context.CancellationToken);
        return shipped;
    }
}

/// <summary>Releases the order's reservations (cancellation before shipping).</summary>
public sealed class ReleaseStock(StockLedger ledger) : TaskActivity<AllocationInput, int>
{
    public const string Name = nameof(ReleaseStock);

    public override Task<int> RunAsync(TaskActivityContext context, AllocationInput input) =>
        MoveReservedStock.RecordAllAsync(ledger, MovementKind.Release, context, input);
}

internal static class MoveReservedStock
{
    /// <summary>Records one movement per allocation; a refusal fails the activity with the ledger's reason.</summary>
    public static async Task<int> RecordAllAsync(StockLedger ledger, MovementKind kind, TaskActivityContext context, AllocationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var stock = new StockInput(input.OrderId, input.Channel, Channels.Model.FulfilmentMethod.Ship(), []);
        for (var i = 0; i < input.Allocations.Count; i++)
        {
            var outcome = await ledger.RecordAsync(ReserveStock.Command(kind, input.Allocations[i], $"{context.IdempotencyKey}:{i}", stock), context.CancellationToken);
            if (outcome.Rejection is { } rejection)
            {
                throw new InvalidOperationException($"The ledger refused {kind} of {input.Allocations[i].Sku} at {input.Allocations[i].Location}: {rejection.Message}");
            }
        }

        return input.Allocations.Count;
    }
}
