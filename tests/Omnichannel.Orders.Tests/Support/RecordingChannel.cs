using System.Collections.Concurrent;
using System.Diagnostics;
using Omnichannel.Channels.Outbound;
using Omnichannel.Orders.Intake;

namespace Omnichannel.Orders.Tests.Support;

/// <summary>
/// A channel client that records every call, for every channel; it can be switched "down". Channels named in
/// <see cref="WithoutOptionalCalls"/> answer as channels whose API has no ready-for-pickup or return call.
/// </summary>
public sealed class RecordingChannel : IChannelClient, IOrderChannels
{
    public string Channel => "any";

    /// <summary>While true, every report fails as a channel outage does after the client's own retries.</summary>
    public bool Down { get; set; }

    public ConcurrentQueue<(string Store, ShipmentReport Report, string Key)> Reports { get; } = new();

    /// <summary>The trace each shipment report ran in (<see cref="Activity.Current"/>'s trace id, empty without one).</summary>
    public ConcurrentQueue<string> ReportTraces { get; } = new();

    public ConcurrentQueue<(string Store, string OrderId)> Cancellations { get; } = new();

    public ConcurrentQueue<(string Channel, PickupReport Report)> ReadyForPickup { get; } = new();

    public ConcurrentQueue<(string Channel, ReturnReport Report, string Key)> Returns { get; } = new();

    public ISet<string> WithoutOptionalCalls { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public int FailedReturns => _failedReturns;

    private int _failedReturns;

    public int FailedReports => _failed;

    private int _failed;

    public IChannelClient Get(string channel) => this;

    public Task<ShipmentReceipt> ReportShipmentAsync(string store, ShipmentReport shipment, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (Down)
        {
            Interlocked.Increment(ref _failed);
            throw new ChannelApiException("fake", "reportShipment", 503, "service unavailable");
        }

        ReportTraces.Enqueue(Activity.Current?.TraceId.ToString() ?? string.Empty);
        Reports.Enqueue((store, shipment, idempotencyKey));
        return Task.FromResult(new ShipmentReceipt("ful-" + Reports.Count));
    }

    public Task SetAvailableQuantityAsync(string store, ListingQuantity listing, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> ReportReadyForPickupAsync(string channel, string store, PickupReport report, CancellationToken cancellationToken)
    {
        if (WithoutOptionalCalls.Contains(channel))
        {
            return Task.FromResult(false);
        }

        ReadyForPickup.Enqueue((channel, report));
        return Task.FromResult(true);
    }

    public Task<ReturnReceipt?> ReportReturnAsync(string channel, string store, ReturnReport report, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (WithoutOptionalCalls.Contains(channel))
        {
            return Task.FromResult<ReturnReceipt?>(null);
        }

        if (Down)
        {
            Interlocked.Increment(ref _failedReturns);
            throw new ChannelApiException("fake", "returns", 503, "service unavailable");
        }

        Returns.Enqueue((channel, report, idempotencyKey));
        return Task.FromResult<ReturnReceipt?>(new ReturnReceipt("ret-" + Returns.Count));
    }

    public Task AcknowledgeCancellationAsync(string store, string channelOrderId, CancellationToken cancellationToken)
    {
        Cancellations.Enqueue((store, channelOrderId));
        return Task.CompletedTask;
    }
}
