using Microsoft.DurableTask;

namespace Omnichannel.Orders.Flow;

/// <summary>What ended a wait.</summary>
internal enum Woken
{
    Event,
    Cancelled,

    /// <summary>The event named as <c>alsoWakeOn</c> came (e.g. the order was updated).</summary>
    Other,
}

/// <summary>
/// Durable waits of the flow: the awaited event, or the order's cancellation, whichever comes first; a durable
/// timer runs alongside and calls <c>onTimer</c> (an alert) each time it fires, or, without one, ends the wait
/// as if the event came (a periodic re-check).
/// </summary>
internal sealed class FlowWaits(TaskOrchestrationContext context, Task<CancelRequest> cancel)
{
    public Task<CancelRequest> Cancel { get; } = cancel;

    public async Task<(Woken Woken, T? Value)> WaitAsync<T>(string eventName, TimeSpan period, Func<Task>? onTimer, string? alsoWakeOn = null)
    {
        while (true)
        {
            using var stop = new CancellationTokenSource();
            var received = context.WaitForExternalEvent<T>(eventName, stop.Token);
            var timer = context.CreateTimer(period, stop.Token);
            var other = alsoWakeOn is null ? null : context.WaitForExternalEvent<object>(alsoWakeOn, stop.Token);
            var first = await Task.WhenAny(other is null ? [received, timer, Cancel] : [received, timer, Cancel, other]);

            // Cancel synchronously: CancelAsync would run the callbacks on the thread pool, outside the replay.
#pragma warning disable CA1849
            stop.Cancel();
#pragma warning restore CA1849
            if (first == Cancel)
            {
                return (Woken.Cancelled, default);
            }

            if (first == other)
            {
                return (Woken.Other, default);
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
