using System.Collections.Concurrent;
using Omnichannel.Channels.Outbound;
using Omnichannel.Sync.Reconciliation;

namespace Omnichannel.Sync.Tests.Support;

/// <summary>
/// An in-process channel: records every stock call, shows the last figure per listing (what reconciliation
/// reads), can be down (every call fails as a 503 would) and can hold calls at a gate to reorder them.
/// </summary>
public sealed class FakeChannel(string channel) : IChannelClient, IChannelStockReader
{
    public string Channel => channel;

    public ConcurrentQueue<(string Store, ListingQuantity Listing)> Calls { get; } = new();

    /// <summary>What the channel shows, by store and channel SKU.</summary>
    public ConcurrentDictionary<(string Store, string Sku), int> Shown { get; } = new();

    public bool Down { get; set; }

    /// <summary>Awaited before a call takes effect, to hold it (out-of-order tests).</summary>
    public Func<ListingQuantity, Task>? Gate { get; set; }

    public int CallsFor(string sku) => Calls.Count(c => c.Listing.ChannelSku == sku);

    public int? ShownFor(string sku, string store = "main") => Shown.TryGetValue((store, sku), out var q) ? q : null;

    public async Task SetAvailableQuantityAsync(string store, ListingQuantity listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        if (Gate is { } gate)
        {
            await gate(listing);
        }

        Calls.Enqueue((store, listing));
        if (Down)
        {
            throw new ChannelApiException(channel, "quantity", 503, "Service Unavailable");
        }

        Shown[(store, listing.ChannelSku)] = listing.Quantity;
    }

    public Task<int?> GetAvailableQuantityAsync(string store, ListingRef listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return Task.FromResult(ShownFor(listing.SellerSku ?? listing.ChannelItemId, store));
    }

    public Task<ShipmentReceipt> ReportShipmentAsync(string store, ShipmentReport shipment, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(new ShipmentReceipt(null));

    public Task AcknowledgeCancellationAsync(string store, string channelOrderId, CancellationToken cancellationToken) => Task.CompletedTask;
}
