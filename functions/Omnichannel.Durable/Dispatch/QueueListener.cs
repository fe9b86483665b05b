using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Durable.Dispatch;

/// <summary>A received message with its decoded content (null when it could not be read).</summary>
internal sealed record Received(QueueMessage Raw, WorkMessage? Message, Exception? DecodeError);

/// <summary>
/// Polls one queue in batches, with a backoff from 10 ms to the configured maximum when empty and an
/// in-process wake-up on sends, keeps at most its share of messages in flight, and owns the endings of a
/// message: delete, hand back (visible again after a delay), or quarantine after too many attempts.
/// </summary>
internal abstract class QueueListener(QueueClient queue, int signal, int capacity, DurableRuntime runtime, ILogger logger)
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(10);
    private readonly SemaphoreSlim _slots = new(capacity, capacity);

    protected DurableRuntime Runtime => runtime;

    protected QueueClient Queue => queue;

    protected ILogger Logger => logger;

    public async Task RunAsync(CancellationToken stop)
    {
        var idle = MinPollingInterval;
        var running = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            var free = _slots.CurrentCount;
            if (free == 0)
            {
                await Task.WhenAny(running);
                continue;
            }

            QueueMessage[] batch;
            try
            {
                batch = (await queue.ReceiveMessagesAsync(Math.Min(32, free), runtime.Options.VisibilityTimeout, stop)).Value;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (RequestFailedException e)
            {
                Log.ReceiveFailed(logger, e, queue.Name);
                batch = [];
            }

            if (batch.Length == 0)
            {
                await IdleAsync(idle, stop);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, runtime.Options.MaxPollingInterval.Ticks));
                continue;
            }

            idle = MinPollingInterval;
            for (var i = 0; i < batch.Length; i++)
            {
                await _slots.WaitAsync(CancellationToken.None);
            }

            running.Add(Task.Run(() => HandleReceivedAsync(batch, stop), CancellationToken.None));
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Handles a batch; every message must end in <see cref="DeleteAsync"/>, <see cref="ReturnAsync"/> or <see cref="FailAsync"/> (or be left to its visibility timeout on shutdown).</summary>
    protected abstract Task HandleBatchAsync(IReadOnlyList<Received> batch, CancellationToken stop);

    protected async Task DeleteAsync(Received message) =>
        await CleanupAsync(message, () => queue.DeleteMessageAsync(message.Raw.MessageId, message.Raw.PopReceipt, CancellationToken.None));

    /// <summary>Makes the message visible again after <paramref name="delay"/> (whole seconds, as queues count them).</summary>
    protected async Task ReturnAsync(Received message, TimeSpan delay) =>
        await CleanupAsync(message, () => queue.UpdateMessageAsync(message.Raw.MessageId, message.Raw.PopReceipt, visibilityTimeout: delay, cancellationToken: CancellationToken.None));

    /// <summary>
    /// Sends a fresh copy, visible after <paramref name="delay"/>, and deletes this one: for a receive that is not an
    /// attempt (a timer taken before it is due), so the copy starts again at dequeue count 0 and only real attempts
    /// count toward quarantine. A crash between the two leaves both; the instance drops the repeated event on receipt.
    /// </summary>
    protected async Task RequeueAsync(Received message, TimeSpan delay)
    {
        await queue.SendMessageAsync(message.Raw.Body, visibilityTimeout: delay, cancellationToken: CancellationToken.None);
        await DeleteAsync(message);
    }

    /// <summary>A failed attempt: tried again after a delay, or quarantined once it reached the dequeue limit.</summary>
    protected async Task FailAsync(Received message, Exception error)
    {
        var max = runtime.Options.MaxDequeueCount;
        Log.MessageFailed(logger, error, message.Raw.MessageId, message.Message?.InstanceId, message.Raw.DequeueCount, max);
        if (message.Raw.DequeueCount < max)
        {
            await ReturnAsync(message, runtime.Options.PoisonRetryDelay);
            return;
        }

        await QuarantineAsync(message, $"{error.GetType().Name}: {error.Message}");
    }

    private async Task QuarantineAsync(Received message, string error)
    {
        Log.MessageQuarantined(logger, message.Raw.MessageId, message.Message?.InstanceId, message.Raw.DequeueCount, error);
        await runtime.Quarantine.QuarantineAsync(queue.Name, message.Raw.MessageId, message.Raw.Body.ToString(), message.Message, error, message.Raw.DequeueCount, CancellationToken.None);
        await DeleteAsync(message);
    }

    private async Task HandleReceivedAsync(QueueMessage[] batch, CancellationToken stop)
    {
        try
        {
            var decoded = new List<Received>();
            foreach (var raw in batch)
            {
                decoded.Add(await DecodeAsync(raw, stop));
            }

            var usable = new List<Received>();
            foreach (var message in decoded)
            {
                if (message.Raw.DequeueCount > runtime.Options.MaxDequeueCount)
                {
                    await QuarantineAsync(message, $"Taken {message.Raw.DequeueCount} times without completing (the process handling it may have crashed).");
                }
                else if (message.Message is null)
                {
                    await FailAsync(message, message.DecodeError!);
                }
                else
                {
                    usable.Add(message);
                }
            }

            if (usable.Count > 0)
            {
                await HandleBatchAsync(usable, stop);
            }
        }
#pragma warning disable CA1031 // A listener outlives any one batch; messages not ended here reappear after their visibility timeout.
        catch (Exception e) when (!stop.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.ReceiveFailed(logger, e, queue.Name);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _slots.Release(batch.Length);
        }
    }

    private async Task<Received> DecodeAsync(QueueMessage raw, CancellationToken stop)
    {
        try
        {
            return new Received(raw, await runtime.Queues.DecodeAsync(raw.Body.ToString(), stop), null);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or NotSupportedException)
        {
            return new Received(raw, null, e);
        }
    }

    private async Task IdleAsync(TimeSpan idle, CancellationToken stop)
    {
        try
        {
            await runtime.Signals.WaitAsync(signal, idle, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task CleanupAsync(Received message, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RequestFailedException e)
        {
            // 404 or a changed pop receipt: the message is gone or someone else holds it; either way not ours.
            Log.MessageCleanupFailed(logger, e, message.Raw.MessageId);
        }
    }

    protected static bool IsConflict(Exception e) => e is Omnichannel.Storage.Errors.StorageException { IsPreconditionFailed: true } or Omnichannel.Storage.Errors.StorageException { IsConflict: true };

    protected static TimeSpan AtLeastOneSecond(TimeSpan delay) => delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay;
}
