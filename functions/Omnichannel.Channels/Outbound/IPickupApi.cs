namespace Omnichannel.Channels.Outbound;

/// <summary>
/// Optional outbound call of an adapter whose channel can tell the buyer that a click-and-collect order is
/// ready at the store (Shopify: <c>fulfillmentOrderLineItemsPreparedForPickup</c>). Adapters without it are
/// not told; <see cref="OptionalChannelCalls"/> says so to the caller.
/// </summary>
public interface IPickupApi
{
    /// <summary>Adapter name, as <see cref="IChannelApi.Adapter"/>.</summary>
    string Adapter { get; }

    Task ReportReadyForPickupAsync(ChannelRequest request, PickupReport report);
}

/// <summary>A pickup order prepared at the store.</summary>
/// <param name="ChannelOrderId">The channel's order id.</param>
/// <param name="Lines">Channel line ids and quantities ready (empty = all of the order).</param>
public sealed record PickupReport(string ChannelOrderId, IReadOnlyList<ShipmentLine> Lines);
