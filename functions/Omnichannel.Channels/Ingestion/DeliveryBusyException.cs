namespace Omnichannel.Channels.Ingestion;

/// <summary>An order of the delivery is held by another forwarder right now: the queue retries the delivery.</summary>
public sealed class DeliveryBusyException(string message) : Exception(message);
