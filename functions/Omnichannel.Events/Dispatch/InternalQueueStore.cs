using System.Collections.Concurrent;
using Omnichannel.Events.Configuration;
using Omnichannel.Events.Outbox;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Events.Dispatch;

/// <summary>
/// The hub's own Storage queues that outbox rows carry messages for (<see cref="QueueSend"/>): each queue is
/// created once per instance on first use (a failed create is tried again by the next send), and a message not visible yet is sent with its delay rounded up.
/// </summary>
public sealed class InternalQueueStore(EventsStorage storage, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, CreateOnce> _queues = new(StringComparer.Ordinal);

    /// <summary>Sends one message; a storage failure throws <see cref="StorageException"/>.</summary>
    public async Task SendAsync(QueueSend send)
    {
        ArgumentNullException.ThrowIfNull(send);
        var queue = storage.Queues.GetQueueClient(send.Queue);
        await _queues.GetOrAdd(send.Queue, _ => new CreateOnce(() => StorageCall.RunAsync(() => queue.CreateIfNotExistsAsync()))).EnsureAsync();
        var delay = send.VisibleAt is { } at ? VisibilityDelay(at - time.GetUtcNow()) : null;
        await StorageCall.RunAsync(() => queue.SendMessageAsync(send.Body, delay, null, CancellationToken.None));
    }

    /// <summary>
    /// The queue counts visibility in whole seconds and drops the fraction, which would show a trailing message
    /// before its window ends (and before the changes it covers are committed): round up instead.
    /// </summary>
    private static TimeSpan? VisibilityDelay(TimeSpan untilVisible) =>
        untilVisible > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Ceiling(untilVisible.TotalSeconds)) : null;
}
