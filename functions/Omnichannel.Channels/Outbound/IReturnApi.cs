namespace Omnichannel.Channels.Outbound;

/// <summary>
/// Optional outbound call of an adapter whose channel accepts returns made outside it (an online order
/// brought back to a store or the warehouse). The idempotency key of the call is stable for one
/// return, so a retry never records a second one where the channel dedupes.
/// </summary>
public interface IReturnApi
{
    /// <summary>Adapter name, as <see cref="IChannelApi.Adapter"/>.</summary>
    string Adapter { get; }

    Task<ReturnReceipt> ReportReturnAsync(ChannelRequest request, ReturnReport report, string idempotencyKey);
}

/// <summary>Goods of an order that came back.</summary>
/// <param name="ChannelOrderId">The channel's order id.</param>
/// <param name="ReturnId">The hub's (the caller's) return id.</param>
/// <param name="Location">Where they came back (a hub location id).</param>
/// <param name="Lines">What came back.</param>
/// <param name="Reason">Why, as the buyer or the store said.</param>
/// <param name="ReturnedAt">When.</param>
public sealed record ReturnReport(string ChannelOrderId, string ReturnId, string Location, IReadOnlyList<ReturnLine> Lines, string? Reason, DateTimeOffset ReturnedAt);

/// <param name="ChannelLineId">The channel's line id.</param>
/// <param name="ChannelSku">The seller SKU on the channel, when the line has one.</param>
/// <param name="Quantity">Units back.</param>
/// <param name="Condition">sellable or damaged.</param>
public sealed record ReturnLine(string ChannelLineId, string? ChannelSku, int Quantity, string Condition);

/// <summary>What the channel answered: its id of the return, when it gives one.</summary>
public sealed record ReturnReceipt(string? ChannelReturnId);
