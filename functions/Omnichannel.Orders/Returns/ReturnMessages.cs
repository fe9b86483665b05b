using Omnichannel.Ledger.Stock;

namespace Omnichannel.Orders.Returns;

/// <summary>One return of an order as recorded on the order (the first body under its id wins).</summary>
/// <param name="ReturnId">The caller's return id, unique per order.</param>
/// <param name="Location">Where the goods came back.</param>
/// <param name="Lines">What came back, resolved to the order's shipped lines.</param>
/// <param name="Reason">Why.</param>
/// <param name="ReturnedAt">When, as the caller said (default: when it was recorded).</param>
/// <param name="Fingerprint">What must match for a repeat of the id to be the same return.</param>
public sealed record ReturnRecord(string ReturnId, string Location, IReadOnlyList<ReturnedLine> Lines, string? Reason, DateTimeOffset ReturnedAt, string Fingerprint);

/// <summary>A returned line: the order's channel line, its catalogue SKU, units and their condition.</summary>
public sealed record ReturnedLine(string ChannelLineId, string? ChannelSku, string Sku, int Quantity, ReturnCondition Condition, decimal UnitPrice, string? Currency = null, decimal? UnitNet = null, decimal? UnitTax = null);

/// <summary>Input of <see cref="OrderReturnFlow"/> and its activities.</summary>
public sealed record ReturnInput(string OrderId, string Channel, string Store, string ChannelOrderId, ReturnRecord Return);

/// <summary>How recording a return went.</summary>
public enum ReturnRecorded
{
    /// <summary>New: recorded, to be restocked and reported.</summary>
    Added,

    /// <summary>The same id with the same body was recorded before: nothing new.</summary>
    Repeated,

    /// <summary>The id was recorded before with another body.</summary>
    DifferentBody,

    /// <summary>A line would bring back more than was shipped minus what came back before.</summary>
    TooMany,

    /// <summary>The order is not stored.</summary>
    UnknownOrder,
}
