namespace Omnichannel.Channels.Ingestion;

public enum WebhookOutcome
{
    /// <summary>Archived and handed on to the forward stage (the answer), or at least one order forwarded (the forward stage): 202.</summary>
    Accepted,

    /// <summary>Seen before (same delivery or same order content): 200, nothing queued.</summary>
    Duplicate,

    /// <summary>
    /// 503 with Retry-After. No longer answered by the webhook routes: a repeat of a delivery not forwarded yet is
    /// handed on again (202). Kept so the value and its JSON name stay stable.
    /// </summary>
    Busy,

    /// <summary>Authentic, nothing to forward: a ping (200 at once), or an unused topic (found after the answer).</summary>
    Ignored,

    /// <summary>Authentic but unreadable or not keyable: archived, acknowledged (202), quarantined after the answer.</summary>
    Quarantined,

    /// <summary>Unsigned, tampered or stale: 401, nothing stored.</summary>
    Rejected,

    /// <summary>No account configured for this channel and store: 404.</summary>
    Unknown,
}

/// <summary>What the hub answers a channel: the outcome and how many messages were queued.</summary>
public sealed record WebhookAck(WebhookOutcome Outcome, int Forwarded, string? Detail = null);
