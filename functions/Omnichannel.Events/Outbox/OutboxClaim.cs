namespace Omnichannel.Events.Outbox;

/// <summary>What <see cref="OutboxStore.ClaimAsync"/> got.</summary>
/// <param name="Rows">The rows now claimed, in Position order; empty when there were none to claim.</param>
/// <param name="Lost">True when another dispatcher claimed them first (the claim transaction got 412).</param>
public sealed record OutboxClaim(IReadOnlyList<OutboxRow> Rows, bool Lost);
