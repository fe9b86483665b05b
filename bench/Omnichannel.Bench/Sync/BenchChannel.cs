using System.Collections.Concurrent;
using System.Diagnostics;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Bench.Sync;

/// <summary>An in-process channel that records each stock call's figure and time per channel SKU.</summary>
internal sealed class BenchChannel(string channel) : IChannelClient
{
    private long _calls;

    public string Channel => channel;

    public long CallCount => Interlocked.Read(ref _calls);

    public ConcurrentDictionary<string, ConcurrentQueue<(int Quantity, long At)>> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>When the channel first showed <paramref name="quantity"/> or less for the SKU at or after <paramref name="since"/>; null if not yet.</summary>
    public long? FirstAtOrBelow(string channelSku, int quantity, long since) =>
        Calls.TryGetValue(channelSku, out var calls) ? calls.Where(c => c.At >= since && c.Quantity <= quantity).Select(c => (long?)c.At).Min() : null;

    public Task SetAvailableQuantityAsync(string store, ListingQuantity listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        Interlocked.Increment(ref _calls);
        Calls.GetOrAdd(listing.ChannelSku, _ => new()).Enqueue((listing.Quantity, Stopwatch.GetTimestamp()));
        return Task.CompletedTask;
    }

    public Task<ShipmentReceipt> ReportShipmentAsync(string store, ShipmentReport shipment, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(new ShipmentReceipt(null));

    public Task AcknowledgeCancellationAsync(string store, string channelOrderId, CancellationToken cancellationToken) => Task.CompletedTask;
}
