using System.Text.Json;
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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(QueueInvocation message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        StockChanged? change;
        try
        {
            change = JsonSerializer.Deserialize<StockChanged>(message.Body, Json);
        }
        catch (JsonException e)
        {
            Log.BadMessage(logger, message.MessageId, e.Message);
            return;
        }

        if (string.IsNullOrWhiteSpace(change?.Sku))
        {
            Log.BadMessage(logger, message.MessageId, "no sku");
            return;
        }

        var result = await engine.SyncSkuAsync(change.Sku, null, cancellationToken);
        Log.SkuSynced(logger, result.Sku, result.Version, result.Pushes.Count, result.Listings);
    }
}
