namespace Omnichannel.Events.Destinations;

/// <summary>A destination refused or failed to take events; the message is safe to show (no secrets, no payloads).</summary>
public sealed class EventDeliveryException : Exception
{
    public EventDeliveryException()
    {
    }

    public EventDeliveryException(string message)
        : base(message)
    {
    }

    public EventDeliveryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
