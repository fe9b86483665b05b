using Azure.Storage.Queues;
using Omnichannel.Events.CloudEvents;
using Omnichannel.Events.Model;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Events.Destinations;

/// <summary>
/// The local default: every event as CloudEvent JSON on a Storage queue (<c>Events:Queue</c>, Azurite locally), so
/// the demo shows them. Queues do not dedupe: a resend is a second message with the same CloudEvent id.
/// </summary>
public sealed class StorageQueueDestination(StorageAccount account, string queueName, string source) : IEventDestination
{
    private readonly QueueClient _queue = account.Queues.GetQueueClient(queueName);

    /// <summary>The queue, created on the first send; a create that failed (storage down) is tried again by the next.</summary>
    private readonly CreateOnce _created = new(() => StorageCall.RunAsync(() => account.Queues.GetQueueClient(queueName).CreateIfNotExistsAsync(cancellationToken: CancellationToken.None)));

    public string Name => "queue:" + _queue.Name;

    public bool Pausable => false;

    public bool Accepts(string type) => true;

    public async Task SendAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await _created.EnsureAsync();
        foreach (var e in events)
        {
            var body = HubCloudEvents.ToJson(e, source).ToString();
            await StorageCall.RunAsync(() => _queue.SendMessageAsync(body, cancellationToken));
        }
    }
}
