using Omnichannel.Durable.Activities;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Fulfilment;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>
/// An order the channel fulfilled (FBA) or a store sold over the counter: the goods already left, so the sale
/// is recorded at that location (on hand down, even below zero, which raises the ledger's recount alert).
/// </summary>
public sealed class RecordChannelSale(LocationPlanner planner, StockLedger ledger, OrderStore store) : TaskActivity<StockInput, IReadOnlyList<Allocation>>
{
    public const string Name = nameof(RecordChannelSale);

    public override async Task<IReadOnlyList<Allocation>> RunAsync(TaskActivityContext context, StockInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var location = await planner.SaleLocationAsync(input.Channel, input.Fulfilment, context.CancellationToken);
        var sold = input.Lines.Select(l => new Allocation(l.ChannelLineId, l.Sku, location.Id, l.Quantity, l.UnitPrice)).ToList();
        await MoveReservedStock.RecordAllAsync(ledger, MovementKind.PosSale, context, new AllocationInput(input.OrderId, input.Channel, sold));
        await store.RecordShippedAsync(input.OrderId, sold, context.CancellationToken);
        return sold;
    }
}
