using Azure;

namespace Omnichannel.Sync.State;

/// <summary>
/// What the hub knows about one listing's figure on its channel (one row per listing, partition = SKU).
/// <see cref="Desired"/>/<see cref="DesiredVersion"/> only move forward (the version is the ledger sequence the
/// figure was computed from), so an older computation never replaces a newer one. A push runs under a claim
/// (<see cref="ClaimId"/>): one push per listing at a time, so two pushes can never land in the wrong order.
/// </summary>
public sealed record ListingSyncState
{
    public required string Sku { get; init; }

    public required string ListingKey { get; init; }

    public required string Channel { get; init; }

    public required string Account { get; init; }

    public required string ChannelItemId { get; init; }

    public string? SellerSku { get; init; }

    /// <summary>The figure the channel should show, from the newest ledger state seen.</summary>
    public int Desired { get; init; }

    /// <summary>Ledger sequence <see cref="Desired"/> was computed from.</summary>
    public long DesiredVersion { get; init; } = -1;

    /// <summary>The last figure the channel accepted, if any.</summary>
    public int? Pushed { get; init; }

    public long? PushedVersion { get; init; }

    public DateTimeOffset? PushedAt { get; init; }

    /// <summary>True until the channel has accepted <see cref="Desired"/>.</summary>
    public bool NeedsPush { get; init; }

    /// <summary>The current push's claim, null when none is in flight.</summary>
    public string? ClaimId { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>Consecutive failed pushes.</summary>
    public int Failures { get; init; }

    /// <summary>Times reconciliation found the channel showing something else.</summary>
    public int Drifts { get; init; }

    public DateTimeOffset? LastDriftAt { get; init; }

    /// <summary>What the channel showed at the last drift.</summary>
    public int? LastDriftShown { get; init; }

    public ETag ETag { get; init; }

    /// <summary>The figure waiting to reach the channel, or null when the channel shows the right one.</summary>
    public int? Pending => NeedsPush ? Desired : null;
}
