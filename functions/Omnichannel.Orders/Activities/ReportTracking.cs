using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Omnichannel.Channels.Outbound;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>
/// Reports the shipment to the channel with the key <c>{order id}:shipment:{tracking number}</c> (a picked-up
/// click-and-collect order, which has no tracking number: <c>{order id}:pickup</c>), the same for
/// every retry, replay and rewind. A shipment the channel already accepted (recorded under that key) is not
/// sent again; channels that dedupe by key (Amazon, generic, POS) also drop a repeat after a crash between
/// their answer and the record.
/// </summary>
public sealed class ReportTracking(IOrderChannels channels, ReportOnce once, ILogger<ReportTracking> logger)
{
    public const string Name = nameof(ReportTracking);

    public static string KeyFor(string orderId, string trackingNumber) =>
        string.IsNullOrEmpty(trackingNumber) ? $"{orderId}:pickup" : $"{orderId}:shipment:{trackingNumber}";

    [Function(Name)]
    public async Task<ChannelReportRecord> RunAsync([ActivityTrigger] TrackingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = KeyFor(input.OrderId, input.Shipment.TrackingNumber);
        var s = input.Shipment;
        var record = await once.RunAsync(key, async () =>
        {
            var report = new ShipmentReport(input.ChannelOrderId, s.Lines, s.Carrier, s.TrackingNumber, s.TrackingUrl, s.ShippedAt);
            var receipt = await channels.Get(input.Channel).ReportShipmentAsync(input.Store, report, key, cancellationToken);
            Log.TrackingReported(logger, input.OrderId, input.Channel, s.Carrier, key);
            return new ReportSent(receipt.ChannelShipmentId);
        }, cancellationToken);
        return record!;
    }
}
