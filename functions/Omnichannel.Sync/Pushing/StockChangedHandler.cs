using Microsoft.Extensions.Logging;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Ledger.Changes;

namespace Omnichannel.Sync.Pushing;

/// <summary>
/// Queue function on the ledger's stock-changed queue. The message only names the SKU: the current figures
/// are read when it is handled. Channel failures are recorded per listing and retried by the retry pass, so
/// only storage failures throw (and the queue redelivers).
/// </summary>
public sealed class StockChangedHandler(StockSyncEngine engine, ILogger<StockChangedHandler> logger) : IQueueHandler
{
    public async Task HandleAsync(QueueInvocation message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (change, error) = StockChanged.Read(message.Body);
        if (change is null)
        {
            Log.BadMessage(logger, message.MessageId, error!);
            return;
        }

        var result = await engine.SyncSkuAsync(change.Sku, null, cancellationToken);
        Log.SkuSynced(logger, result.Sku, result.Version, result.Pushes.Count, result.Listings);
    }
}
