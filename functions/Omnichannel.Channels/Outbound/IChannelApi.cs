using Omnichannel.Channels.Configuration;

namespace Omnichannel.Channels.Outbound;

/// <summary>
/// One adapter's outbound calls, given the account and its resilient HttpClient. Implementations build the
/// channel's documented request; <see cref="ChannelClient"/> binds them to a channel name and store.
/// </summary>
public interface IChannelApi
{
    /// <summary>Adapter name (matches the inbound adapter and the account's <c>Adapter</c> setting).</summary>
    string Adapter { get; }

    Task<ShipmentReceipt> ReportShipmentAsync(ChannelRequest request, ShipmentReport shipment, string idempotencyKey);

    Task SetAvailableQuantityAsync(ChannelRequest request, ListingQuantity listing);

    Task AcknowledgeCancellationAsync(ChannelRequest request, string channelOrderId);
}

/// <summary>What an outbound call needs: the account, its HttpClient and the caller's token.</summary>
public sealed record ChannelRequest(ChannelAccount Account, HttpClient Http, TimeProvider Time, CancellationToken CancellationToken)
{
    /// <summary>A request on the account's own resilient HttpClient (<see cref="ChannelHttp"/>).</summary>
    public static ChannelRequest For(ChannelAccount account, IHttpClientFactory http, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(http);
        return new(account, http.CreateClient(ChannelHttp.ClientName(account)), time, cancellationToken);
    }
}
