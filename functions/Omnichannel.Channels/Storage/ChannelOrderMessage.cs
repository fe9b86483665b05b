using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Storage;

/// <summary>
/// The queue message handed to the order flow: a pointer to the archived payload plus the ids to route it.
/// <see cref="MessageId"/> is stable for one order version, so a consumer can dedupe a message that was
/// forwarded twice after a crash.
/// </summary>
/// <param name="MessageId">Stable id of this order version (channel/store/order/fingerprint).</param>
/// <param name="Kind">New order, update, cancellation, or a reference to fetch.</param>
/// <param name="Channel">Channel name.</param>
/// <param name="Store">Store name.</param>
/// <param name="ChannelOrderId">The channel's order id.</param>
/// <param name="ArchiveBlob">Blob (in the archive container) holding the raw payload.</param>
/// <param name="DeliveryId">The channel's delivery/event id, if any.</param>
/// <param name="ReceivedAt">When the payload arrived.</param>
/// <param name="Order">
/// The canonical order, inlined when small enough for a queue message (<see cref="MaxInlineBytes"/>); null for a
/// reference, or when the consumer must map the archived payload again.
/// </param>
/// <param name="TraceParent">
/// The W3C <c>traceparent</c> of the request that received the payload, so the flow it starts joins that trace
/// (a storage queue carries no trace context of its own); null when there was none.
/// </param>
public sealed record ChannelOrderMessage(
    string MessageId,
    OrderEventKind Kind,
    string Channel,
    string Store,
    string ChannelOrderId,
    string ArchiveBlob,
    string? DeliveryId,
    DateTimeOffset ReceivedAt,
    CanonicalOrder? Order = null,
    string? TraceParent = null)
{
    /// <summary>The <see cref="MessageId"/> of an order version: <c>{channel}|{store}|{order id}|{fingerprint}</c>.</summary>
    public static string VersionId(CanonicalOrder order, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(order);
        return $"{order.Channel}|{order.Store}|{order.ChannelOrderId}|{fingerprint}";
    }

    /// <summary>The <see cref="MessageId"/> of a reference to fetch: <c>{channel}|{store}|ref|{order id}|{delivery id, else archive blob}</c>.</summary>
    public static string ReferenceId(string channel, string store, string channelOrderId, string deliveryIdOrArchiveBlob) =>
        $"{channel}|{store}|ref|{channelOrderId}|{deliveryIdOrArchiveBlob}";

    /// <summary>Queue messages carry at most 64 KiB after base64; the inlined order stays well below.</summary>
    public const int MaxInlineBytes = 32 * 1024;
}
