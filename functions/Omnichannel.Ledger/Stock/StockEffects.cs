using Omnichannel.Events.Outbox;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Ledger.Sales;

namespace Omnichannel.Ledger.Stock;

/// <summary>
/// What follows a committed movement: the sale fact, and the prompt dispatch of the SKU's outbox rows (the
/// stock-changed, low-stock and recount messages and events written in the movement's own transaction, see
/// <see cref="StockOutbox"/>). A crash before the dispatch loses nothing: the sweep delivers the rows. A replay of
/// the movement re-records the sale fact and dispatches again (what a crashed first attempt left goes out now).
/// </summary>
public sealed class StockEffects(LedgerStorage storage, SalesStore sales, IOutboxSignal outbox)
{
    /// <summary>The ledger's outbox: the stock table, one partition per SKU.</summary>
    public OutboxSource Source { get; } = new("ledger", storage.Stock);

    public async Task ApplyAsync(Committed committed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committed);
        var movement = committed.Outcome.Movement!;
        await sales.RecordAsync(movement, cancellationToken);
        await outbox.CommittedAsync(new OutboxPartition(Source, StockPartitionStore.Key(movement.Sku)), cancellationToken);
    }
}
