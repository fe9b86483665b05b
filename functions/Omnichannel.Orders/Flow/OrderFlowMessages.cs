using Omnichannel.Channels.Model;
using Omnichannel.Channels.Outbound;
using Omnichannel.Orders.Model;

namespace Omnichannel.Orders.Flow;

/// <summary>The flow's input: which order and the archived payload that first carried it.</summary>
public sealed record OrderFlowInput(string OrderId, string Channel, string Store, string ChannelOrderId, string ArchiveBlob, string MessageId);

/// <summary>What the flow returns when it ends.</summary>
public sealed record OrderFlowResult(OrderStatus Status, string? Detail = null);

/// <summary>The payload of <see cref="OrderEvents.Cancelled"/>.</summary>
/// <param name="FromChannel">True when the channel cancelled it (the hub then acknowledges it to the channel).</param>
/// <param name="Reason">Why.</param>
public sealed record CancelRequest(bool FromChannel, string? Reason = null);

/// <summary>
/// The payload of <see cref="OrderEvents.ShipmentConfirmed"/>: one parcel from one location. <paramref name="Lines"/>
/// empty means everything reserved at that location; <paramref name="Location"/> may be left out when the order
/// ships from one location, or when its lines are all reserved at one.
/// </summary>
public sealed record ShipmentConfirmation(
    string Carrier,
    string TrackingNumber,
    Uri? TrackingUrl,
    DateTimeOffset ShippedAt,
    IReadOnlyList<ShipmentLine> Lines,
    string? Location = null);

/// <summary>The payload of <see cref="OrderEvents.ReadyForPickup"/> and <see cref="OrderEvents.PickedUp"/>.</summary>
/// <param name="At">When it happened at the store.</param>
public sealed record PickupEvent(DateTimeOffset At);

/// <summary>Input of <c>ReportReadyForPickup</c>.</summary>
public sealed record PickupInput(string OrderId, string Channel, string Store, string ChannelOrderId, IReadOnlyList<ShipmentLine> Lines);

/// <summary>A line matched to a catalogue SKU.</summary>
/// <remarks>Currency, UnitNet (after every discount, without tax) and UnitTax feed the sales report; null in flows started before they were kept.</remarks>
public sealed record MatchedLine(string ChannelLineId, string Sku, int Quantity, decimal UnitPrice, string MatchedBy, string? Currency = null, decimal? UnitNet = null, decimal? UnitTax = null);

/// <summary>A line that matched nothing, with what the channel called it.</summary>
public sealed record UnmatchedLine(string ChannelLineId, string? ChannelItemId, string? ChannelSku, string? Title);

/// <summary>The result of matching every line.</summary>
public sealed record MatchResult(IReadOnlyList<MatchedLine> Matched, IReadOnlyList<UnmatchedLine> Unmatched);

/// <summary>The stored order (the channel's latest version) and its lines matched, as the steps that read the order return it.</summary>
public sealed record MatchedOrder(CanonicalOrder Order, MatchResult Match);

/// <summary>Input of the stock activities; <c>Attempt</c> numbers the flow's reservation attempts (0, 1, ...) for the ledger keys (<c>FlowKeys.Reserve</c>).</summary>
public sealed record StockInput(string OrderId, string Channel, FulfilmentMethod Fulfilment, IReadOnlyList<MatchedLine> Lines, int Attempt = 0);

/// <summary>Units of one line reserved (or shipped, released) at one location.</summary>
/// <remarks>Currency, UnitNet (after every discount, without tax) and UnitTax feed the sales report; null in flows started before they were kept.</remarks>
public sealed record Allocation(string ChannelLineId, string Sku, string Location, int Quantity, decimal UnitPrice, string? Currency = null, decimal? UnitNet = null, decimal? UnitTax = null);

/// <summary>A reservation attempt: all lines reserved, or what is missing (nothing is then held).</summary>
public sealed record ReservationResult(IReadOnlyList<Allocation> Allocations, IReadOnlyList<string> Missing)
{
    public bool Reserved => Missing.Count == 0;
}

/// <summary>
/// Input of the activities that move reserved stock; <c>Parcel</c> (shipping) and <c>CancelReason</c> (releasing on a
/// cancellation) say which order event the move records. Both optional, so inputs of flows in flight stay readable.
/// </summary>
public sealed record AllocationInput(string OrderId, string Channel, IReadOnlyList<Allocation> Allocations, ShipmentConfirmation? Parcel = null, string? CancelReason = null);

/// <summary>Input of <c>RequestFulfilment</c>.</summary>
public sealed record FulfilmentInput(string OrderId, CanonicalOrder Order, IReadOnlyList<Allocation> Allocations);

/// <summary>Input of <c>ReportTracking</c>.</summary>
public sealed record TrackingInput(string OrderId, string Channel, string Store, string ChannelOrderId, ShipmentConfirmation Shipment);

/// <summary>Input of <c>RaiseOrderAlert</c> and <c>FlagOrder</c>; an alert's <c>Key</c> is the order, kind and the flow's (replay-safe) time of it.</summary>
public sealed record OrderNotice(string OrderId, string Kind, string Detail, string? Key = null);

/// <summary>Input of <c>AcknowledgeCancellation</c>.</summary>
public sealed record CancellationInput(string OrderId, string Channel, string Store, string ChannelOrderId, string? Reason = null);
