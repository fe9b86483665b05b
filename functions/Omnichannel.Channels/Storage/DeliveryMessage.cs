namespace Omnichannel.Channels.Storage;

/// <summary>
/// A webhook delivery handed on by the receiving request (queue <c>Channels:Ingestion:DeliveryQueue</c>): a pointer to
/// its archived payload and its claim. The forward function maps it, quarantines what cannot be read, forwards its
/// orders to the order queue and marks the claim forwarded.
/// </summary>
/// <param name="Channel">Channel name.</param>
/// <param name="Store">Store name.</param>
/// <param name="ClaimKey">RowKey of the delivery's claim in the dedupe table (partition <c>d|{channel}|{store}</c>).</param>
/// <param name="DeliveryId">The channel's delivery id (clipped to 1,024 characters); null when the channel sends none.</param>
/// <param name="ContentHash">SHA-256 (hex) of the raw body.</param>
/// <param name="ArchiveBlob">Blob (archive container) holding the raw payload.</param>
/// <param name="ReceivedAt">When the request arrived.</param>
/// <param name="ClaimedAt">When the delivery was first claimed; equal for every hand-over of one claim.</param>
/// <param name="TraceParent">The receiving request's W3C <c>traceparent</c>, so the forward joins its trace.</param>
public sealed record DeliveryMessage(
    string Channel,
    string Store,
    string ClaimKey,
    string? DeliveryId,
    string ContentHash,
    string ArchiveBlob,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ClaimedAt,
    string? TraceParent = null)
{
    /// <summary>The claim's identity across channels and stores (<see cref="ClaimKey"/> is unique in its partition only): <c>{channel}|{store}|{claim key}</c>.</summary>
    public string ClaimIdentity() => $"{Channel}|{Store}|{ClaimKey}";
}
