using Omnichannel.Events.Model;
using Omnichannel.Events.Outbox;
using Omnichannel.Ledger.Alerts;
using Omnichannel.Ledger.Changes;
using Omnichannel.Ledger.Configuration;

namespace Omnichannel.Ledger.Stock;

/// <summary>
/// The outbox row a movement transaction writes in the SKU's partition (RowKey <c>evt|{first sequence}</c>), so what
/// the movements must tell commits with them or not at all: per movement an <c>omnichannel.stock.changed</c> event,
/// an <c>omnichannel.stock.low</c> or <c>omnichannel.stock.recount</c> event when the alert state flipped, and the
/// internal queue messages of before (the coalesced <see cref="StockChanged"/> message on both stock-changed queues,
/// visible at once or at its window's end, and the alerts on the alerts queue and the alert webhook's queue).
/// Event ids derive from the SKU and the movement's sequence, so a resend is recognisable.
/// </summary>
internal static class StockOutbox
{
    public static OutboxBatch Build(IReadOnlyList<Committed> committed, LedgerOptions options)
    {
        var events = new List<HubEvent>();
        var sends = new List<QueueSend>();
        foreach (var c in committed)
        {
            var m = c.Outcome.Movement!;
            events.Add(new HubEvent(
                HubEventId.For(EventTypes.StockChanged, m.Sku, m.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                EventTypes.StockChanged,
                m.Sku,
                m.At,
                EventJson.Data(new StockChangedData(
                    m.Sku, m.Sequence, m.Kind.ToString(), m.Location, m.OtherLocation, m.Quantity, m.Difference, m.Reason, m.UnitPrice,
                    m.Source.Channel, m.Source.OrderId, m.BalancesAfter, m.AvailableAfter, m.At))));

            if (c.ChangeNotice != ChangeNotice.None)
            {
                var trailing = c.ChangeNotice == ChangeNotice.AtWindowEnd;
                var message = LedgerJson.Serialize(new StockChanged(m.Sku, m.BalancesAfter.Select(b => b.Location).ToList(), m.Sequence, m.At, c.ChangeWindowEnd, trailing));
                var visibleAt = trailing ? c.ChangeWindowEnd : (DateTimeOffset?)null;
                sends.Add(new QueueSend(options.StockChangedQueue, message, visibleAt));
                sends.Add(new QueueSend(options.StockChangedCopyQueue, message, visibleAt));
            }

            if (c.LowStockCrossed)
            {
                Alert(new StockAlert(StockAlertKind.LowStock, m.Sku, null, m.AvailableAfter, c.ReorderPoint, null, m.Sequence, m.At), EventTypes.StockLow);
            }

            if (c.RecountLocation is { } location)
            {
                var onHand = m.BalancesAfter.First(b => b.Location == location).OnHand;
                Alert(new StockAlert(StockAlertKind.Recount, m.Sku, location, m.AvailableAfter, c.ReorderPoint, onHand, m.Sequence, m.At), EventTypes.StockRecount);
            }
        }

        return new OutboxBatch(committed[0].Outcome.Movement!.Sequence, events, sends);

        void Alert(StockAlert alert, string type)
        {
            events.Add(new HubEvent(
                HubEventId.For(type, alert.Sku, alert.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), alert.Location ?? string.Empty),
                type,
                alert.Sku,
                alert.At,
                EventJson.Data(alert)));
            sends.AddRange(AlertPublisher.Sends(alert, options));
        }
    }
}

/// <summary>The data of <c>omnichannel.stock.changed</c> (Schemas/omnichannel.stock.changed.json): one movement and the balances it left.</summary>
public sealed record StockChangedData(
    string Sku,
    long Sequence,
    string Kind,
    string Location,
    string? OtherLocation,
    int Quantity,
    int Difference,
    string? Reason,
    decimal? UnitPrice,
    string? Channel,
    string? OrderId,
    IReadOnlyList<LocationBalance> Balances,
    int Available,
    DateTimeOffset At);
