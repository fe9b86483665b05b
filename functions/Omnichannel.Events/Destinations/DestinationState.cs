namespace Omnichannel.Events.Destinations;

/// <summary>What the hub knows about a destination's deliveries (GET /api/events/destinations).</summary>
/// <param name="Name">The destination.</param>
/// <param name="ConsecutiveFailures">Failed attempts since the last success.</param>
/// <param name="NextAttemptAt">No attempt before this (backoff); null when healthy.</param>
/// <param name="PausedAt">When it was paused (a webhook subscriber that kept failing); events are then skipped for it.</param>
/// <param name="LastError">Why the last attempt failed.</param>
/// <param name="LastFailureAt">When.</param>
public sealed record DestinationState(
    string Name,
    int ConsecutiveFailures = 0,
    DateTimeOffset? NextAttemptAt = null,
    DateTimeOffset? PausedAt = null,
    string? LastError = null,
    DateTimeOffset? LastFailureAt = null)
{
    public bool Paused => PausedAt is not null;
}
