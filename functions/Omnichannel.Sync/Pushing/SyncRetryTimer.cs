using Microsoft.Extensions.Logging;
using Omnichannel.Hosting.Declarations;

namespace Omnichannel.Sync.Pushing;

/// <summary>Timer function: re-syncs SKUs whose listings still wait for a figure (failed pushes, a channel that was down, a crashed host), always with the current figure.</summary>
public sealed class SyncRetryTimer(StockSyncEngine engine, ILogger<SyncRetryTimer> logger) : ITimerHandler
{
    public async Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken)
    {
        var skus = await engine.RetryPendingAsync(cancellationToken);
        if (skus > 0)
        {
            Log.RetryPass(logger, skus);
        }
    }
}
