using Omnichannel.Events.Model;

namespace Omnichannel.Events.Destinations;

/// <summary>Where events go. A destination throws when it did not take every event it was given (the dispatcher retries).</summary>
public interface IEventDestination
{
    /// <summary>Stable name, shown in the history and the destinations' state.</summary>
    string Name { get; }

    /// <summary>Whether repeated failures pause it (a webhook subscriber) rather than retrying for ever (the hub's own queue, Service Bus).</summary>
    bool Pausable { get; }

    /// <summary>Whether it wants events of this type.</summary>
    bool Accepts(string type);

    /// <summary>Sends the events in order; throws <see cref="EventDeliveryException"/> (or the transport's exception) on failure.</summary>
    Task SendAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken);
}
