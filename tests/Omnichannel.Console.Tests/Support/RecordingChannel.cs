using Omnichannel.Channels.Outbound;
using Omnichannel.Orders.Intake;

namespace Omnichannel.OperationsConsole.Tests.Support;

/// <summary>Every channel call succeeds, except shipment reports while <see cref="Down"/> (a channel outage).</summary>
public sealed class RecordingChannel : IChannelClient, IOrderChannels
{
    private int _reports;

    public string Channel => "any";

    public bool Down { get; set; }

    public int Reports => _reports;

    public IChannelClient Get(string channel) => this;

    public Task<ShipmentReceipt> ReportShipmentAsync(string store, ShipmentReport shipment, string idempotencyKey, CancellationToken cancellationToken) =>
        Down
            ? throw new ChannelApiException("fake", "reportShipment", 503, "service unavailable")
            : Task.FromResult(new ShipmentReceipt("ful-" + Interlocked.Increment(ref _reports)));

    public Task SetAvailableQuantityAsync(string store, ListingQuantity listing, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> ReportReadyForPickupAsync(string channel, string store, PickupReport report, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<ReturnReceipt?> ReportReturnAsync(string channel, string store, ReturnReport report, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult<ReturnReceipt?>(new ReturnReceipt("ret-1"));

    public Task AcknowledgeCancellationAsync(string store, string channelOrderId, CancellationToken cancellationToken) => Task.CompletedTask;
}
