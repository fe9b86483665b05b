using Microsoft.DurableTask;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Outbound;
using Omnichannel.Orders.Activities;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Flow;

/// <summary>
/// Shipping an order reserved at one or more locations: each location sends its own parcel, so the flow waits
/// for one shipment per location (alert <c>shipmentLate</c> each <see cref="OrdersOptions.ShipmentSla"/>), and
/// ships that location's reservation in the ledger and reports that parcel's tracking as it comes.
/// </summary>
internal sealed class ShippingSteps(TaskOrchestrationContext context, FlowWaits waits, OrderFlowInput input, OrdersOptions options, TaskOptions reporting, CanonicalOrder order)
{
    /// <summary>What was shipped and reported; <see cref="Pending"/> is what was still held when a cancellation came (empty when all shipped).</summary>
    public sealed record Outcome(IReadOnlyList<ShipmentConfirmation> Parcels, IReadOnlyList<Allocation> Pending);

    public async Task<Outcome> ShipAsync(IReadOnlyList<Allocation> held)
    {
        var pending = held.GroupBy(a => a.Location, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var parcels = new List<ShipmentConfirmation>();
        while (pending.Count > 0)
        {
            var where = string.Join(", ", pending.Keys.Order(StringComparer.Ordinal));
            var shippedSoFar = parcels.Count == 0 ? string.Empty : $"; {parcels.Count} parcel(s) shipped";
            context.SetCustomStatus(new OrderProgress(OrderStatus.AwaitingShipment, $"Fulfilment requested at {where}{shippedSoFar}"));
            var (woken, shipment) = await waits.WaitAsync<ShipmentConfirmation>(
                OrderEvents.ShipmentConfirmed, options.ShipmentSla, () => OrderFlow.AlertAsync(context, input, "shipmentLate", $"No shipment from {where} within {options.ShipmentSla}"));
            if (woken == Woken.Cancelled)
            {
                return new Outcome(parcels, pending.Values.SelectMany(a => a).ToList());
            }

            if (ParcelLocation.Find(shipment!, ParcelLocation.LinesAt(pending.Values.SelectMany(a => a), a => a.Location, a => a.ChannelLineId)) is not { } location)
            {
                // The HTTP command checks this first; an event raised by hand may still name no single location.
                await OrderFlow.AlertAsync(context, input, "shipmentUnassigned", $"Shipment {shipment!.TrackingNumber} names no location of {where}; confirm it again with 'location'");
                continue;
            }

            var allocations = pending[location];
            pending.Remove(location);
            var parcel = shipment! with { Location = location, Lines = shipment.Lines.Count > 0 ? shipment.Lines : LinesOf(allocations) };
            await ShipParcelAsync(allocations, parcel, $"{parcel.Carrier} {parcel.TrackingNumber} from {location}");
            parcels.Add(parcel);
        }

        return new Outcome(parcels, []);
    }

    /// <summary>One parcel left (or was collected): its reservation becomes a shipment in the ledger, then it is reported to the channel once.</summary>
    public async Task ShipParcelAsync(IReadOnlyList<Allocation> allocations, ShipmentConfirmation parcel, string status)
    {
        await context.CallActivityAsync<int>(ShipStock.Name, new AllocationInput(input.OrderId, order.Channel, allocations, parcel), OrderFlow.Steps);
        context.SetCustomStatus(new OrderProgress(OrderStatus.Shipped, status));
        await context.CallActivityAsync<ChannelReportRecord>(ReportTracking.Name, new TrackingInput(input.OrderId, order.Channel, order.Store, order.ChannelOrderId, parcel), reporting);
    }

    /// <summary>The shipment lines of allocations: units per channel line.</summary>
    public static List<ShipmentLine> LinesOf(IEnumerable<Allocation> allocations) =>
        allocations.GroupBy(a => a.ChannelLineId, StringComparer.Ordinal).Select(g => new ShipmentLine(g.Key, g.Sum(a => a.Quantity))).ToList();
}
