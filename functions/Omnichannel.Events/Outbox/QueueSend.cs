namespace Omnichannel.Events.Outbox;

/// <summary>
/// A message for one of the hub's own Storage queues, delivered by the dispatcher with the row's events (the
/// ledger's stock-changed and alert messages, which the sync, the order flow and the alert webhook consume).
/// </summary>
/// <param name="Queue">Queue name.</param>
/// <param name="Body">Message text (Base64-encoded by the hub's queue clients, as the queue trigger expects).</param>
/// <param name="VisibleAt">Not visible before this time (a coalesced trailing message); null for at once.</param>
public sealed record QueueSend(string Queue, string Body, DateTimeOffset? VisibleAt = null);
