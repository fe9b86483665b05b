using System.Collections.Concurrent;
using System.Diagnostics;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Bench.Sync;

/// <summary>
/// An in-process channel that records each stock call's figure and time per channel SKU. With
/// <paramref name="maxPerCall"/> above 1 it offers a batch call (as Shopify, 250, and eBay, 25, do); a batch counts as one call.
/// Each call takes <paramref name="latency"/> (a channel API's round trip), recorded as landing when it ends.
/// </summary>
internal sealed class BenchChannel(string channel, int maxPerCall, TimeSpan latency) : IChannelClient, IChannelStockClient
{
    private long _calls;

    public string Channel => channel;

    public long CallCount => Interlocked.Read(ref _calls);

    public ConcurrentDictionary<string, ConcurrentQueue<(int Quantity, long At)>> Calls { get; } = new(StringComparer.Ordinal);

    public bool CanReadStock => false;

    /// <summary>When the channel first showed <paramref name="quantity"/> or less for the SKU at or after <paramref name="since"/>; null if not yet.</summary>
    public long? FirstAtOrBelow(string channelSku, int quantity, long since) =>
        Calls.TryGetValue(channelSku, out var calls) ? calls.Where(c => c.At >= since && c.Quantity <= quantity).Select(c => (long?)c.At).Min() : null;

    public async Task SetAvailableQuantityAsync(string store, ListingQuantity listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        await CallAsync(cancellationToken);
        Record(listing, Stopwatch.GetTimestamp());
    }

    public async Task<IReadOnlyList<ChannelApiException?>> SetAvailableQuantitiesAsync(string store, IReadOnlyList<ListingQuantity> listings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listings);
        await CallAsync(cancellationToken);
        var at = Stopwatch.GetTimestamp();
        foreach (var listing in listings)
        {
            Record(listing, at);
        }

        return new ChannelApiException?[listings.Count];
    }

    public int MaxQuantitiesPerCall(string store) => maxPerCall;

    public Task<int?> GetAvailableQuantityAsync(string store, ListingIds listing, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ShipmentReceipt> ReportShipmentAsync(string store, ShipmentReport shipment, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(new ShipmentReceipt(null));

    public Task AcknowledgeCancellationAsync(string store, string channelOrderId, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CallAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken);
        }
    }

    private void Record(ListingQuantity listing, long at) => Calls.GetOrAdd(listing.ChannelSku, _ => new()).Enqueue((listing.Quantity, at));
}
