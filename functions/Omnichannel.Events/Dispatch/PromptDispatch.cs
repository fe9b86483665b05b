using Microsoft.Extensions.Logging;
using Omnichannel.Events.Outbox;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Events.Dispatch;

/// <summary>
/// The default <see cref="IOutboxSignal"/>: dispatches the partition right after the commit and waits for it, so a
/// lone change is out when the call that made it returns. A delivery problem is logged, never thrown: the commit
/// stands and the sweep delivers later.
/// </summary>
public sealed class PromptDispatch(OutboxDispatcher dispatcher, ILogger<PromptDispatch> logger) : IOutboxSignal
{
    public async Task CommittedAsync(OutboxPartition partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        try
        {
            await dispatcher.DispatchAsync(partition, cancellationToken);
        }
        catch (StorageException e)
        {
            Log.PromptDispatchFailed(logger, partition.Key, e.Message);
        }
    }
}
