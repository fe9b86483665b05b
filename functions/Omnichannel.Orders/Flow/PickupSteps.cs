using Microsoft.DurableTask;
using Omnichannel.Orders.Activities;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Model;

namespace Omnichannel.Orders.Flow;

/// <summary>
/// Click-and-collect after the pick list: wait to be ready for pickup (alert <c>pickupLate</c> each
/// <see cref="OrdersOptions.PickupPreparationSla"/>), tell the channel where it can be told, wait to be picked
/// up (alert <c>notCollected</c> each <see cref="OrdersOptions.CollectionDeadline"/>).
/// </summary>
internal sealed class PickupSteps(TaskOrchestrationContext context, FlowWaits waits, OrderFlowInput input, OrdersOptions options, TaskOptions reporting)
{
    /// <summary>The carrier name a picked-up order is reported with (no tracking number).</summary>
    public const string PickupCarrier = "pickup";

    /// <summary>The collection as a shipment without tracking, or null when the order was cancelled while waiting.</summary>
    public async Task<ShipmentConfirmation?> CollectAsync(IReadOnlyList<Allocation> held, string where)
    {
        context.SetCustomStatus(new OrderProgress(OrderStatus.PreparingPickup, $"Pick list at {where}: waiting for ready-for-pickup"));
        var (woken, ready) = await waits.WaitAsync<PickupEvent>(
            OrderEvents.ReadyForPickup,
            options.PickupPreparationSla,
            () => OrderFlow.AlertAsync(context, input, "pickupLate", $"Not ready for pickup at {where} within {options.PickupPreparationSla}"));
        if (woken == Woken.Cancelled)
        {
            return null;
        }

        var lines = ShippingSteps.LinesOf(held);
        var told = await context.CallActivityAsync<string>(
            ReportReadyForPickup.Name, new PickupInput(input.OrderId, input.Channel, input.Store, input.ChannelOrderId, lines), reporting);
        context.SetCustomStatus(new OrderProgress(OrderStatus.ReadyForPickup, $"Ready at {where} since {ready!.At:u}; {told}"));
        var (collected, pickup) = await waits.WaitAsync<PickupEvent>(
            OrderEvents.PickedUp,
            options.CollectionDeadline,
            () => OrderFlow.AlertAsync(context, input, "notCollected", $"Not collected at {where} within {options.CollectionDeadline} of being ready; cancel it to release the stock"));
        if (collected == Woken.Cancelled)
        {
            return null;
        }

        return new ShipmentConfirmation(PickupCarrier, string.Empty, null, pickup!.At, lines);
    }
}
