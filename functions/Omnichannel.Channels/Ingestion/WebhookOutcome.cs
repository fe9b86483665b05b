namespace Omnichannel.Channels.Ingestion;

public enum WebhookOutcome
{
    /// <summary>Archived and at least one message queued: 202.</summary>
    Accepted,

    /// <summary>Seen before (same delivery or same order content): 200, nothing queued.</summary>
    Duplicate,

    /// <summary>
    /// Another request is forwarding the same delivery or order content right now (or died doing so): 503 with
    /// Retry-After, so the channel's retry finds it forwarded (duplicate) or stalled (forwarded again).
    /// </summary>
    Busy,

    /// <summary>Authentic, nothing to forward (a ping, an unused topic): 200.</summary>
    Ignored,

    /// <summary>Authentic but unreadable: archived, quarantined, 200 so the channel stops retrying.</summary>
    Quarantined,

    /// <summary>Unsigned, tampered or stale: 401, nothing stored.</summary>
    Rejected,

    /// <summary>No account configured for this channel and store: 404.</summary>
    Unknown,
}

/// <summary>What the hub answers a channel: the outcome and how many messages were queued.</summary>
public sealed record WebhookAck(WebhookOutcome Outcome, int Forwarded, string? Detail = null);
