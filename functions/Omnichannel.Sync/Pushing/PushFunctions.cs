using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Omnichannel.Ledger.Changes;

namespace Omnichannel.Sync.Pushing;

/// <summary>The stock sync's pushes: on each stock change, and the retry pass for listings still waiting for a figure.</summary>
public sealed class PushFunctions(StockSyncEngine engine, ILogger<PushFunctions> logger)
{
    /// <summary>
    /// Queue function on the ledger's stock-changed queue. The message only names the SKU: the current figures
    /// are read when it is handled. Channel failures are recorded per listing and retried by the retry pass, so
    /// only storage failures throw (and the queue redelivers).
    /// </summary>
    [Function("SyncStockChangePush")]
    public async Task StockChangedAsync([QueueTrigger("%Ledger:StockChangedQueue%")] QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (change, error) = StockChanged.Read(message.Body.ToString());
        if (change is null)
        {
            Log.BadMessage(logger, message.MessageId, error!);
            return;
        }

        var result = await engine.SyncSkuAsync(change.Sku, null, cancellationToken);
        Log.SkuSynced(logger, result.Sku, result.Version, result.Pushes.Count, result.Listings);
    }

    /// <summary>
    /// Timer function: re-syncs SKUs whose listings still wait for a figure (failed pushes, a channel that was down,
    /// a crashed host), always with the current figure.
    /// </summary>
    [Function("SyncPushesRetry")]
    public async Task RetryAsync([TimerTrigger("%Sync:RetrySchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var skus = await engine.RetryPendingAsync(cancellationToken);
        if (skus > 0)
        {
            Log.RetryPass(logger, skus);
        }
    }
}
