using Microsoft.Azure.Functions.Worker;
using Omnichannel.Channels.Outbound;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>
/// Tells the channel that a click-and-collect order is ready at the store, where its API has such a call
/// (Shopify); elsewhere nothing is sent and the outcome says so. The call is recorded under
/// <c>{order id}:ready</c> and not repeated by a retry, replay or rewind (a repeat would notify the buyer again).
/// Returns the outcome shown in the timeline.
/// </summary>
public sealed class ReportReadyForPickup(IOrderChannels channels, ReportOnce once)
{
    public const string Name = nameof(ReportReadyForPickup);

    [Function(Name)]
    public async Task<string> RunAsync([ActivityTrigger] PickupInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var report = new PickupReport(input.ChannelOrderId, input.Lines);
        var record = await once.RunAsync(
            $"{input.OrderId}:ready",
            async () => await channels.ReportReadyForPickupAsync(input.Channel, input.Store, report, cancellationToken) ? new ReportSent(null) : null,
            cancellationToken);
        return record is null ? $"not reported: {input.Channel} has no ready-for-pickup call" : $"ready for pickup reported to {input.Channel}";
    }
}
