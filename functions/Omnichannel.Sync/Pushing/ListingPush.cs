namespace Omnichannel.Sync.Pushing;

/// <summary>One figure to set on one listing, under the claim that makes this the only push of the listing in flight.</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="ListingKey">The listing's key (channel|account|item).</param>
/// <param name="Channel">Channel name, lower case.</param>
/// <param name="Account">Store/account on the channel.</param>
/// <param name="ChannelItemId">The channel's listing/item id.</param>
/// <param name="SellerSku">Seller SKU on the channel, if any.</param>
/// <param name="Quantity">The figure.</param>
/// <param name="Version">Ledger sequence the figure was computed from.</param>
/// <param name="ClaimId">The claim held while pushing.</param>
public sealed record ListingPush(string Sku, string ListingKey, string Channel, string Account, string ChannelItemId, string? SellerSku, int Quantity, long Version, string ClaimId)
{
    /// <summary>The state as written by the claim (with its ETag), so completing needs no read unless another writer came in between.</summary>
    internal State.ListingSyncState? Claimed { get; init; }
}

/// <summary>How one push ended: <see cref="Error"/> is null when the channel accepted it.</summary>
public sealed record PushOutcome(ListingPush Push, string? Error, TimeSpan Duration);
