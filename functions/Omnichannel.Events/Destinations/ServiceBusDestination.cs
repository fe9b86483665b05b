using Azure.Messaging.ServiceBus;
using Omnichannel.Events.CloudEvents;
using Omnichannel.Events.Model;

namespace Omnichannel.Events.Destinations;

/// <summary>
/// An Azure Service Bus topic (<c>Events:ServiceBus</c>), reached with the app's managed identity. Each event is one
/// message: body the CloudEvent JSON, <c>MessageId</c> the event id (the topic's duplicate detection drops a
/// resend), <c>SessionId</c> the subject (order id or SKU: a session-enabled subscription receives a subject in
/// order), <c>Subject</c> the event type, content type <c>application/cloudevents+json</c>. A failed send throws; the
/// dispatcher retries it with backoff and shows it in the destinations' state (never paused).
/// </summary>
public sealed class ServiceBusDestination(ServiceBusSender sender, string source) : IEventDestination
{
    public string Name => "servicebus:" + sender.EntityPath;

    public bool Pausable => false;

    public bool Accepts(string type) => true;

    public static ServiceBusMessage Message(HubEvent e, string source)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = new ServiceBusMessage(HubCloudEvents.ToJson(e, source))
        {
            MessageId = e.Id,
            SessionId = e.Subject,
            Subject = e.Type,
            ContentType = HubCloudEvents.ContentType,
        };
        message.ApplicationProperties["cloudEvents:specversion"] = "1.0";
        return message;
    }

    public async Task SendAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        try
        {
            await sender.SendMessagesAsync(events.Select(e => Message(e, source)), cancellationToken);
        }
        catch (ServiceBusException e)
        {
            throw new EventDeliveryException($"Service Bus refused the send: {e.Reason} (transient: {e.IsTransient}).", e);
        }
    }
}
