using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Sync.Configuration;

namespace Omnichannel.Sync.Feeds;

/// <summary>Timer function: regenerates every configured feed.</summary>
public sealed class FeedTimer(FeedGenerator generator, IOptions<SyncOptions> options) : ITimerHandler
{
    public async Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken)
    {
        foreach (var name in options.Value.EffectiveFeeds.Keys)
        {
            await generator.GenerateAsync(name, cancellationToken);
        }
    }
}
