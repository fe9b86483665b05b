using Microsoft.Azure.Functions.Worker;
using Omnichannel.Events.Model;
using Omnichannel.Orders.Events;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Intake;

namespace Omnichannel.Orders.Activities;

/// <summary>Tells the channel the hub processed its cancellation, and records <c>cancelled</c>.</summary>
public sealed class AcknowledgeCancellation(IOrderChannels channels, OrderEventRecorder events)
{
    public const string Name = nameof(AcknowledgeCancellation);

    [Function(Name)]
    public async Task<bool> RunAsync([ActivityTrigger] CancellationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await channels.Get(input.Channel).AcknowledgeCancellationAsync(input.Store, input.ChannelOrderId, cancellationToken);
        await events.RecordAsync(
            EventTypes.OrderCancelled, new OrderEventData(input.OrderId, "Cancel", input.Channel, input.Store, input.ChannelOrderId, input.Reason ?? "cancelled on the channel"), cancellationToken);
        return true;
    }
}
