using Omnichannel.Durable.Orchestration;

namespace Omnichannel.Orders.Flow;

/// <summary>What ended a wait.</summary>
internal enum Woken
{
    Event,
    Cancelled,
}

/// <summary>
/// Durable waits of the flow: the awaited event, or the order's cancellation, whichever comes first; a durable
/// timer runs alongside and calls <c>onTimer</c> (an alert) each time it fires, or, without one, ends the wait
/// as if the event came (a periodic re-check).
/// </summary>
internal sealed class FlowWaits(TaskOrchestrationContext context, Task<CancelRequest> cancel)
{
    public Task<CancelRequest> Cancel { get; } = cancel;

    public async Task<(Woken Woken, T? Value)> WaitAsync<T>(string eventName, TimeSpan period, Func<Task>? onTimer)
    {
        while (true)
        {
            using var stop = new CancellationTokenSource();
            var received = context.WaitForExternalEvent<T>(eventName, stop.Token);
            var timer = context.CreateTimer(period, stop.Token);
            var first = await Task.WhenAny(received, timer, Cancel);

            // Cancel synchronously: CancelAsync would run the callbacks on the thread pool, outside the replay.
#pragma warning disable CA1849
            stop.Cancel();
#pragma warning restore CA1849
            if (first == Cancel)
            {
                return (Woken.Cancelled, default);
            }

            if (first == received)
            {
                return (Woken.Event, await received);
            }

            if (onTimer is null)
            {
                return (Woken.Event, default);
            }

            await onTimer();
        }
    }
}
