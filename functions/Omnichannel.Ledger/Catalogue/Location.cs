namespace Omnichannel.Ledger.Catalogue;

/// <summary>A place that holds stock.</summary>
/// <param name="Id">Location id (e.g. <c>wh-berlin</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">What it is.</param>
/// <param name="ShipsOnline">Whether online orders ship from it; by default only such locations feed channel stock.</param>
/// <param name="Pickup">Whether it offers in-store pickup.</param>
/// <param name="FulfilledChannel">For <see cref="LocationKind.ChannelFulfilled"/>: the only channel that may sell it (e.g. <c>amazon</c>).</param>
public sealed record Location(string Id, string Name, LocationKind Kind, bool ShipsOnline = true, bool Pickup = false, string? FulfilledChannel = null);
