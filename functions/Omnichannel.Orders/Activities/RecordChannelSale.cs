using Microsoft.Azure.Functions.Worker;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Fulfilment;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>
/// An order the channel fulfilled (FBA) or a store sold over the counter: the goods already left, so the sale
/// is recorded at that location (on hand down, even below zero, which raises the ledger's recount alert).
/// </summary>
public sealed class RecordChannelSale(LocationPlanner planner, StockLedger ledger, OrderStore store)
{
    public const string Name = nameof(RecordChannelSale);

    [Function(Name)]
    public async Task<IReadOnlyList<Allocation>> RunAsync([ActivityTrigger] StockInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var location = await planner.SaleLocationAsync(input.Channel, input.Fulfilment, cancellationToken);
        var sold = input.Lines.Select(l => new Allocation(l.ChannelLineId, l.Sku, location.Id, l.Quantity, l.UnitPrice, l.Currency, l.UnitNet, l.UnitTax)).ToList();
        await MoveReservedStock.RecordAllAsync(ledger, MovementKind.PosSale, new AllocationInput(input.OrderId, input.Channel, sold), cancellationToken);
        await store.RecordShippedAsync(input.OrderId, sold, cancellationToken);
        return sold;
    }
}
