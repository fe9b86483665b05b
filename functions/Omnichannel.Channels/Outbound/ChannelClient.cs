using Omnichannel.Channels.Configuration;

namespace Omnichannel.Channels.Outbound;

/// <summary>Binds an adapter's <see cref="IChannelApi"/> to a channel name: picks the store's account and HttpClient.</summary>
internal sealed class ChannelClient(string channel, IChannelApi api, ChannelAccounts accounts, IHttpClientFactory http, TimeProvider time) : IChannelClient
{
    public string Channel => channel;

    public Task<ShipmentReceipt> ReportShipmentAsync(string store, ShipmentReport shipment, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return api.ReportShipmentAsync(Request(store, cancellationToken), shipment, idempotencyKey);
    }

    public Task SetAvailableQuantityAsync(string store, ListingQuantity listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentOutOfRangeException.ThrowIfNegative(listing.Quantity);
        return api.SetAvailableQuantityAsync(Request(store, cancellationToken), listing);
    }

    public Task AcknowledgeCancellationAsync(string store, string channelOrderId, CancellationToken cancellationToken) =>
        api.AcknowledgeCancellationAsync(Request(store, cancellationToken), channelOrderId);

    private ChannelRequest Request(string store, CancellationToken cancellationToken) =>
        ChannelRequest.For(accounts.Require(channel, store), http, time, cancellationToken);
}
