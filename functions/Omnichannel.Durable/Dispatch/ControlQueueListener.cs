using Microsoft.Extensions.Logging;
using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Dispatch;

/// <summary>
/// Takes one control queue's messages, groups them by instance and runs one episode per instance (after
/// any episode of it already running here). Timer messages that come back before their due time (by the
/// runtime's clock) are sent again as a fresh copy hidden until due, which is how timers longer than the
/// queue's 7-day visibility limit re-arm without each re-arm counting as a failed delivery.
/// </summary>
internal sealed class ControlQueueListener(int partition, DurableRuntime runtime, EpisodeRunner episodes, InstanceGate gate, ILogger logger)
    : QueueListener(runtime.Queues.Control[partition], partition, Math.Max(1, runtime.Options.MaxConcurrentOrchestrations / runtime.Options.PartitionCount), runtime, logger)
{
    /// <summary>Hides a message that cannot apply yet (an event for a child not started yet).</summary>
    private static readonly TimeSpan DeferDelay = TimeSpan.FromSeconds(1);

    protected override async Task HandleBatchAsync(IReadOnlyList<Received> batch, CancellationToken stop)
    {
        var now = Runtime.Time.GetUtcNow();
        var ready = new List<Received>();
        foreach (var message in batch)
        {
            if (message.Message!.Event is { Kind: HistoryEventKind.TimerFired, FireAt: { } fireAt } && fireAt > now)
            {
                await RequeueAsync(message, AtLeastOneSecond(Outbox.TimerDelay(fireAt, now, Runtime.Options.MaxTimerVisibility)));
            }
            else
            {
                ready.Add(message);
            }
        }

        await Task.WhenAll(ready.GroupBy(m => m.Message!.InstanceId, StringComparer.Ordinal)
            .Select(group => gate.RunAsync(group.Key, () => RunEpisodeAsync(group.Key, group.ToList(), stop))));
    }

    private async Task RunEpisodeAsync(string instanceId, List<Received> group, CancellationToken stop)
    {
        try
        {
            var deferred = await episodes.RunAsync(instanceId, group.Select(r => r.Message!).ToList(), stop);
            await Task.WhenAll(group.Select(r => deferred.Contains(r.Message!) ? ReturnAsync(r, DeferDelay) : DeleteAsync(r)));
        }
        catch (Exception e) when (IsConflict(e))
        {
            Log.EpisodeConflict(Logger, instanceId);
            await Task.WhenAll(group.Select(r => ReturnAsync(r, TimeSpan.Zero)));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down (or killed): the messages reappear after their visibility timeout.
        }
#pragma warning disable CA1031 // Any other failure counts as an attempt of each message; the limit quarantines it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await Task.WhenAll(group.Select(r => FailAsync(r, e)));
        }
    }
}
