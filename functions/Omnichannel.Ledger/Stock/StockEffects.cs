using Omnichannel.Ledger.Alerts;
using Omnichannel.Ledger.Changes;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Ledger.Sales;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Ledger.Stock;

/// <summary>
/// What follows a committed movement: the stock-changed message when its <see cref="ChangeNotice"/> asks for one
/// (at once, or visible when the SKU's coalescing window ends), the
/// alerts whose state flipped in the same transaction (so concurrent writers cannot both fire), the sale
/// fact. These run after the commit: a crash in between loses an alert or a change message (the next change
/// outside the window sends again; an outbox is a separate issue); a replay of the movement re-records the sale fact.
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

        if (committed.ChangeNotice != ChangeNotice.None)
        {
            var trailing = committed.ChangeNotice == ChangeNotice.AtWindowEnd;
            var locations = movement.BalancesAfter.Select(b => b.Location).ToList();
            var message = LedgerJson.Serialize(new StockChanged(movement.Sku, locations, movement.Sequence, movement.At, committed.ChangeWindowEnd, trailing));
            var delay = trailing ? VisibilityDelay(committed.ChangeWindowEnd - movement.At) : null;
            await Task.WhenAll(
                StorageCall.RunAsync(() => storage.StockChanged.SendMessageAsync(message, delay, null, cancellationToken)),
                StorageCall.RunAsync(() => storage.StockChangedCopy.SendMessageAsync(message, delay, null, cancellationToken)));
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

    /// <summary>
    /// The queue counts visibility in whole seconds and drops the fraction, which would show a trailing message
    /// before its window ends (and before the changes it covers are committed): round up instead.
    /// </summary>
    private static TimeSpan? VisibilityDelay(TimeSpan untilWindowEnd) =>
        untilWindowEnd > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Ceiling(untilWindowEnd.TotalSeconds)) : null;
}
