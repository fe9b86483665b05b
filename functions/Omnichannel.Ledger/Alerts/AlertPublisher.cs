using Omnichannel.Events.Outbox;
using Omnichannel.Ledger.Configuration;

namespace Omnichannel.Ledger.Alerts;

/// <summary>
/// The queue messages of an alert: the alerts queue and, when a webhook is configured, the webhook's own queue,
/// whose function posts it with retries (a failing endpoint ends in the poison queue, never silently dropped).
/// They go in the movement's outbox row (<see cref="Stock.StockOutbox"/>), so a crash after the commit loses none.
/// </summary>
public static class AlertPublisher
{
    public static IEnumerable<QueueSend> Sends(StockAlert alert, LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var body = StockAlertJson.Serialize(alert);
        yield return new QueueSend(options.AlertsQueue, body);
        if (options.AlertWebhookUrl is not null)
        {
            yield return new QueueSend(options.AlertWebhookQueue, body);
        }
    }
}
