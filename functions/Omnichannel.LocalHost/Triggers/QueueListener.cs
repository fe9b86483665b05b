using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Omnichannel.Hosting.Health;
using Omnichannel.LocalHost.Diagnostics;
using Omnichannel.Storage.Connection;

namespace Omnichannel.LocalHost.Triggers;

/// <summary>
/// Runs one queue function standalone, with the Functions queue trigger's guarantees: at least once,
/// at most <see cref="QueueTriggerOptions.BatchSize"/> messages at a time, visibility renewed while a
/// handler runs, failures retried until <see cref="QueueTriggerOptions.MaxDequeueCount"/>, then the
/// message moves to <c>{queue}-poison</c> unchanged. On shutdown it stops taking messages, lets handlers
/// finish, and returns to the queue whatever the shutdown deadline cut short. One loop creates both queues (on its
/// first pass that reaches storage) and polls them, so storage down at start and storage going down later are handled
/// alike: any failure (a <see cref="Azure.RequestFailedException"/>, or the <see cref="AggregateException"/> the SDK
/// throws once its retries are spent) never ends it: it reports <see cref="TriggerStatus.BackingOff"/> to
/// <see cref="TriggerHealth"/>, waits (<see cref="Backoff.Default"/>: 1 s doubling to 30 s) and resumes.
/// </summary>
internal sealed class QueueListener(QueueTarget function, StorageAccount storage, IServiceScopeFactory scopes, TriggerHealth health, TimeProvider time, ILogger<QueueListener> logger)
{
    private const string Kind = "queue";

    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(50);

    private readonly QueueTriggerOptions _options = function.Options;
    private readonly QueueClient _queue = storage.Queues.GetQueueClient(function.QueueName);
    private readonly QueueClient _poison = storage.Queues.GetQueueClient(function.PoisonQueueName);

    /// <summary>Takes and handles messages until <paramref name="stopTaking"/>, then waits for handlers.</summary>
    /// <param name="stopTaking">Stops taking new messages.</param>
    /// <param name="abort">Cancels running handlers; their messages are returned to the queue.</param>
    public async Task RunAsync(CancellationToken stopTaking, CancellationToken abort)
    {
        // Storage down at start (the emulator still starting) and storage going down later take the same path:
        // the queues are created by the first pass that reaches storage, and any failure backs off and resumes.
        var created = new CreateOnce(() => CreateQueuesAsync(stopTaking));
        var running = new List<Task>();
        var idle = MinPollingInterval;
        var backoff = Backoff.Default.First;
        while (!stopTaking.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            var free = _options.BatchSize - running.Count;
            if (free == 0)
            {
                await Task.WhenAny(running);
                continue;
            }

            QueueMessage[] messages;
            try
            {
                await created.EnsureAsync();
                messages = (await _queue.ReceiveMessagesAsync(free, _options.VisibilityTimeout, stopTaking)).Value;
            }
            catch (OperationCanceledException) when (stopTaking.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Whatever storage throws, the listener backs off and resumes; it never ends.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                health.BackingOff(function.Name, Kind, e, backoff);
                Log.ListenerBackingOff(logger, e, function.Name, backoff);
                await DelayAsync(backoff, stopTaking);
                backoff = Backoff.Default.Next(backoff);
                continue;
            }

            if (backoff != Backoff.Default.First)
            {
                Log.ListenerResumed(logger, function.Name);
            }

            backoff = Backoff.Default.First;
            health.Running(function.Name, Kind);
            if (messages.Length == 0)
            {
                await DelayAsync(idle, stopTaking);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollingInterval.Ticks));
                continue;
            }

            idle = MinPollingInterval;
            running.AddRange(messages.Select(m => Task.Run(() => HandleAsync(m, abort), CancellationToken.None)));
        }

        await Task.WhenAll(running);
    }

    /// <summary>Creates the queue and its poison queue (run by <see cref="CreateOnce"/>: again after a failure).</summary>
    private async Task CreateQueuesAsync(CancellationToken cancellationToken)
    {
        await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken abort)
    {
        var receipt = new PopReceipt(message.PopReceipt);
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(abort);
        var renewing = RenewAsync(message.MessageId, receipt, renewal.Token);
        Exception? failure = null;
        using var scope = Log.InvocationScope(logger, function.Name, message.MessageId);
        try
        {
            await using var services = scopes.CreateAsyncScope();
            await function.HandleAsync(services.ServiceProvider, message, abort);
        }
#pragma warning disable CA1031 // Any handler failure is a failed delivery: retried, then poisoned.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e;
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }

        try
        {
            await SettleAsync(message, receipt.Value, failure, abort.IsCancellationRequested);
        }
#pragma warning disable CA1031 // A stale pop receipt, or storage down: the message becomes visible again and is retried.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            Log.ListenerError(logger, e, function.Name);
        }
    }

    private async Task SettleAsync(QueueMessage message, string popReceipt, Exception? failure, bool aborted)
    {
        if (failure is null)
        {
            await _queue.DeleteMessageAsync(message.MessageId, popReceipt, CancellationToken.None);
        }
        else if (aborted && failure is OperationCanceledException)
        {
            await _queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            Log.MessageReturned(logger, function.Name, message.MessageId);
        }
        else if (message.DequeueCount >= _options.MaxDequeueCount)
        {
            // Send first, then delete: a crash between the two leaves a copy, never a loss.
            await _poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
            await _queue.DeleteMessageAsync(message.MessageId, popReceipt, CancellationToken.None);
            Log.MessagePoisoned(logger, function.Name, message.MessageId, function.PoisonQueueName, message.DequeueCount);
        }
        else
        {
            Log.MessageFailed(logger, failure, function.Name, message.MessageId, message.DequeueCount, _options.MaxDequeueCount);
            await _queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: _options.RetryDelay, cancellationToken: CancellationToken.None);
        }
    }

    private async Task RenewAsync(string messageId, PopReceipt receipt, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.VisibilityTimeout / 2, time, cancellationToken);
                var updated = await _queue.UpdateMessageAsync(messageId, receipt.Value, visibilityTimeout: _options.VisibilityTimeout, cancellationToken: cancellationToken);
                receipt.Value = updated.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // A renewal that fails (storage down) is logged; the message may be seen again (at least once).
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            Log.RenewFailed(logger, e, function.Name, messageId);
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The current pop receipt; each visibility renewal replaces it.</summary>
    private sealed class PopReceipt(string value)
    {
        public string Value { get; set; } = value;
    }
}
