using Omnichannel.Orders.Flow;

namespace Omnichannel.Orders.Events;

/// <summary>
/// The data of every <c>omnichannel.order.*</c> event (Schemas/omnichannel.order.{type}.json): the order, the
/// flow step that caused the event, and what the type adds (allocations when reserved, the parcel when shipped or
/// picked up, the return, the reason when cancelled or failed).
/// </summary>
/// <param name="OrderId">The hub's order id (also the CloudEvent's subject).</param>
/// <param name="Step">The flow activity that made the change, e.g. <c>ReserveStock</c>.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Store">The channel account.</param>
/// <param name="ChannelOrderId">The channel's order id.</param>
/// <param name="Detail">What happened, for people (why backordered, needs attention, cancelled, failed).</param>
/// <param name="Allocations">Reserved: what is held where.</param>
/// <param name="Parcel">Shipped or picked up: the parcel.</param>
/// <param name="Return">Returned: the return.</param>
public sealed record OrderEventData(
    string OrderId,
    string Step,
    string? Channel = null,
    string? Store = null,
    string? ChannelOrderId = null,
    string? Detail = null,
    IReadOnlyList<Allocation>? Allocations = null,
    ParcelData? Parcel = null,
    ReturnData? Return = null);

/// <summary>A parcel that left (carrier and tracking; a picked-up order has carrier <c>pickup</c> and no tracking).</summary>
public sealed record ParcelData(string Carrier, string? TrackingNumber, Uri? TrackingUrl, string? Location, DateTimeOffset ShippedAt, IReadOnlyList<ParcelLine> Lines);

/// <summary>Units of one channel line in a parcel.</summary>
public sealed record ParcelLine(string ChannelLineId, int Quantity);

/// <summary>A return restocked at a location.</summary>
public sealed record ReturnData(string ReturnId, string Location, string? Reason, DateTimeOffset ReturnedAt, IReadOnlyList<ReturnLineData> Lines);

/// <summary>A returned line.</summary>
public sealed record ReturnLineData(string ChannelLineId, string Sku, int Quantity, string Condition);
