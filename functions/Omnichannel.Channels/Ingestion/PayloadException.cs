namespace Omnichannel.Channels.Ingestion;

/// <summary>An authentic payload the adapter cannot read: it is quarantined, not retried.</summary>
public sealed class PayloadException(string message) : Exception(message);
