using Microsoft.Extensions.Options;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Ledger.Alerts;

/// <summary>
/// Sends an alert to the alerts queue and, when a webhook is configured, to the webhook's own queue, whose
/// function posts it with retries (a failing endpoint ends in the poison queue, never silently dropped).
/// </summary>
public sealed class AlertPublisher(LedgerStorage storage, IOptions<LedgerOptions> options)
{
    public async Task PublishAsync(StockAlert alert, CancellationToken cancellationToken)
    {
        var body = LedgerJson.Serialize(alert);
        await StorageCall.RunAsync(() => storage.Alerts.SendMessageAsync(body, cancellationToken));
        if (options.Value.AlertWebhookUrl is not null)
        {
            await StorageCall.RunAsync(() => storage.AlertWebhook.SendMessageAsync(body, cancellationToken));
        }
    }
}
