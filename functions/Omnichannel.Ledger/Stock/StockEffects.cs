using Omnichannel.Ledger.Alerts;
using Omnichannel.Ledger.Changes;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Ledger.Sales;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Ledger.Stock;

/// <summary>
/// What follows a committed movement: the stock-changed message when the movement opened a window, the
/// alerts whose state flipped in the same transaction (so concurrent writers cannot both fire), the sale
/// fact. These run after the commit: a crash in between loses an alert or a change message for that
/// window (the next change sends again); a replay of the movement re-records the sale fact.
/// </summary>
public sealed class StockEffects(LedgerStorage storage, AlertPublisher alerts, SalesLedger sales)
{
    public async Task ApplyAsync(Committed committed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committed);
        var movement = committed.Outcome.Movement!;
        await sales.RecordAsync(movement, cancellationToken);
        if (committed.Outcome.Replayed)
        {
            return;
        }

        if (committed.OpensChangeWindow)
        {
            var locations = movement.BalancesAfter.Select(b => b.Location).ToList();
            var message = LedgerJson.Serialize(new StockChanged(movement.Sku, locations, movement.Sequence, movement.At, committed.ChangeWindowEnd));
            var delay = committed.ChangeWindowEnd - movement.At;
            await Task.WhenAll(
                StorageCall.RunAsync(() => storage.StockChanged.SendMessageAsync(message, delay > TimeSpan.Zero ? delay : null, null, cancellationToken)),
                StorageCall.RunAsync(() => storage.StockChangedCopy.SendMessageAsync(message, delay > TimeSpan.Zero ? delay : null, null, cancellationToken)));
        }

        if (committed.LowStockCrossed)
        {
            await alerts.PublishAsync(new StockAlert(StockAlertKind.LowStock, movement.Sku, null, movement.AvailableAfter, committed.ReorderPoint, null, movement.Sequence, movement.At), cancellationToken);
        }

        if (committed.RecountLocation is { } location)
        {
            var onHand = movement.BalancesAfter.First(b => b.Location == location).OnHand;
            await alerts.PublishAsync(new StockAlert(StockAlertKind.Recount, movement.Sku, location, movement.AvailableAfter, committed.ReorderPoint, onHand, movement.Sequence, movement.At), cancellationToken);
        }
    }
}
