using Microsoft.Extensions.Logging;
using Omnichannel.Durable.Client;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Ledger.Changes;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Intake;

/// <summary>
/// Queue function on the ledger's copy of its stock-changed messages (<c>Ledger:StockChangedCopyQueue</c>):
/// raises <see cref="OrderEvents.StockAvailable"/> to every running order the <see cref="BackorderIndex"/> says
/// waits for the SKU, which then tries to reserve again at once. Rows of orders that ended are removed. The
/// flow's periodic re-check stays as the safety net (a change just before an order is indexed, a lost message).
/// </summary>
public sealed class BackorderWaker(BackorderIndex index, DurableClient client, ILogger<BackorderWaker> logger) : IQueueHandler
{
    public async Task HandleAsync(QueueInvocation message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (change, error) = StockChanged.Read(message.Body);
        if (change is null)
        {
            Log.StockChangeSkipped(logger, message.MessageId, error!);
            return;
        }

        foreach (var orderId in await index.WaitingForAsync(change.Sku, cancellationToken))
        {
            var instance = await client.GetInstanceAsync(orderId, getInputsAndOutputs: false, cancellationToken);
            if (instance is null || instance.IsCompleted)
            {
                await index.RemoveAsync(orderId, [change.Sku], cancellationToken);
                continue;
            }

            await client.RaiseEventAsync(orderId, OrderEvents.StockAvailable, new { change.Sku, change.Sequence }, cancellationToken);
            Log.BackorderWoken(logger, orderId, change.Sku);
        }
    }
}
