using System.Collections.Concurrent;
using Omnichannel.Channels.Outbound;
using Omnichannel.Sync.Reconciliation;

namespace Omnichannel.Sync.Tests.Support;

/// <summary>
/// An in-process channel: records every stock call, shows the last figure per listing (what reconciliation
/// reads), can be down (every call fails as a 503 would), can refuse chosen SKUs, can hold calls at a gate to
/// reorder them, and takes up to <see cref="MaxPerCall"/> listings per call (1: no batch call).
/// </summary>
public sealed class FakeChannel(string channel) : IChannelClient, IChannelStockReader, IChannelStockClient
{
    public string Channel => channel;

    public ConcurrentQueue<(string Store, ListingQuantity Listing)> Calls { get; } = new();

    /// <summary>The listings of each batched call, in order.</summary>
    public ConcurrentQueue<IReadOnlyList<ListingQuantity>> Batches { get; } = new();

    /// <summary>What the channel shows, by store and channel SKU.</summary>
    public ConcurrentDictionary<(string Store, string Sku), int> Shown { get; } = new();

    /// <summary>Channel SKUs the channel refuses (a 400 for that listing alone).</summary>
    public ConcurrentDictionary<string, bool> Refused { get; } = new();

    public bool Down { get; set; }

    /// <summary>Channel SKUs whose calls fail as a 503 would, while the others succeed.</summary>
    public ConcurrentDictionary<string, bool> DownFor { get; } = new();

    public int MaxPerCall { get; set; } = 1;

    /// <summary>Awaited before a call takes effect, to hold it (out-of-order tests).</summary>
    public Func<ListingQuantity, Task>? Gate { get; set; }

    public bool CanReadStock => false;

    public int CallsFor(string sku) => Calls.Count(c => c.Listing.ChannelSku == sku);

    public int? ShownFor(string sku, string store = "main") => Shown.TryGetValue((store, sku), out var q) ? q : null;

    public async Task SetAvailableQuantityAsync(string store, ListingQuantity listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        if (Gate is { } gate)
        {
            await gate(listing);
        }

        if (Apply(store, listing) is { } error)
        {
            throw error;
        }
    }

    public async Task<IReadOnlyList<ChannelApiException?>> SetAvailableQuantitiesAsync(string store, IReadOnlyList<ListingQuantity> listings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listings);
        if (listings.Count > MaxPerCall)
        {
            throw new InvalidOperationException($"{listings.Count} listings in one call; the limit is {MaxPerCall}.");
        }

        if (Gate is { } gate)
        {
            await gate(listings[0]);
        }

        Batches.Enqueue(listings);
        return listings.Select(l => Apply(store, l)).ToList();
    }

    public int MaxQuantitiesPerCall(string store) => MaxPerCall;

    public Task<int?> GetAvailableQuantityAsync(string store, ListingRef listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return Task.FromResult(ShownFor(listing.SellerSku ?? listing.ChannelItemId, store));
    }

    public Task<int?> GetAvailableQuantityAsync(string store, ListingIds listing, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Read through IChannelStockReader.");

    public Task<ShipmentReceipt> ReportShipmentAsync(string store, ShipmentReport shipment, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(new ShipmentReceipt(null));

    public Task AcknowledgeCancellationAsync(string store, string channelOrderId, CancellationToken cancellationToken) => Task.CompletedTask;

    private ChannelApiException? Apply(string store, ListingQuantity listing)
    {
        Calls.Enqueue((store, listing));
        if (Down || DownFor.ContainsKey(listing.ChannelSku))
        {
            return new ChannelApiException(channel, "quantity", 503, "Service Unavailable");
        }

        if (Refused.ContainsKey(listing.ChannelSku))
        {
            return new ChannelApiException(channel, "quantity", 400, $"{listing.ChannelSku} refused");
        }

        Shown[(store, listing.ChannelSku)] = listing.Quantity;
        return null;
    }
}
