using Microsoft.Extensions.Logging;
using Omnichannel.Durable.Activities;

namespace Omnichannel.Durable.Dispatch;

/// <summary>
/// Runs activities sent through the shared work-item queue (any host may take one) and sends each result
/// to its instance's control queue. Used when inline execution is off or an episode's inline budget ran out.
/// </summary>
internal sealed class WorkItemListener(DurableRuntime runtime, ActivityRunner activities, ILogger logger)
    : QueueListener(runtime.Queues.WorkItems, runtime.Signals.WorkItems, runtime.Options.MaxConcurrentActivities, runtime, logger)
{
    protected override async Task HandleBatchAsync(IReadOnlyList<Received> batch, CancellationToken stop) =>
        await Task.WhenAll(batch.Select(m => RunAsync(m, stop)));

    private async Task RunAsync(Received received, CancellationToken stop)
    {
        var message = received.Message!;
        try
        {
            var result = await activities.RunAsync(message.InstanceId, message.ExecutionId ?? string.Empty, message.Event, stop);
            await Runtime.Queues.SendAsync(WorkMessage.For(message.InstanceId, message.ExecutionId, result), TimeSpan.Zero, stop);
            await DeleteAsync(received);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Counts as an attempt; the dequeue limit quarantines a message that keeps failing.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await FailAsync(received, e);
        }
    }
}
