using Omnichannel.Channels.Outbound;
using Omnichannel.Durable.Orchestration;
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
internal sealed class ShippingSteps(TaskOrchestrationContext context, FlowWaits waits, OrderFlowInput input, OrdersOptions options, TaskOptions reporting)
{
    /// <summary>What was shipped and reported; <see cref="Pending"/> is what was still held when a cancellation came (empty when all shipped).</summary>
    public sealed record Outcome(IReadOnlyList<ShipmentConfirmation> Parcels, IReadOnlyList<Allocation> Pending);

    public async Task<Outcome> ShipAsync(string channel, string store, string channelOrderId, IReadOnlyList<Allocation> held)
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

            if (LocationOf(shipment!, pending) is not { } location)
            {
                // The HTTP command checks this first; an event raised by hand may still name no single location.
                await OrderFlow.AlertAsync(context, input, "shipmentUnassigned", $"Shipment {shipment!.TrackingNumber} names no location of {where}; confirm it again with 'location'");
                continue;
            }

            var allocations = pending[location];
            pending.Remove(location);
            var parcel = shipment! with
            {
                Location = location,
                Lines = shipment.Lines.Count > 0 ? shipment.Lines : allocations.GroupBy(a => a.ChannelLineId, StringComparer.Ordinal).Select(g => new ShipmentLine(g.Key, g.Sum(a => a.Quantity))).ToList(),
            };
            await context.CallActivityAsync<int>(ShipStock.Name, new AllocationInput(input.OrderId, channel, allocations), OrderFlow.Steps);
            context.SetCustomStatus(new OrderProgress(OrderStatus.Shipped, $"{parcel.Carrier} {parcel.TrackingNumber} from {location}"));
            await context.CallActivityAsync<ReportedShipment>(ReportTracking.Name, new TrackingInput(input.OrderId, channel, store, channelOrderId, parcel), reporting);
            parcels.Add(parcel);
        }

        return new Outcome(parcels, []);
    }

    /// <summary>The named location, the only one still to ship, or the one location all the parcel's lines are reserved at.</summary>
    internal static string? LocationOf(ShipmentConfirmation shipment, IReadOnlyDictionary<string, List<Allocation>> pending)
    {
        if (shipment.Location is { } named)
        {
            return pending.ContainsKey(named) ? named : null;
        }

        if (pending.Count == 1)
        {
            return pending.Keys.Single();
        }

        var lineIds = shipment.Lines.Select(l => l.ChannelLineId).ToHashSet(StringComparer.Ordinal);
        var matches = pending.Where(p => lineIds.Count > 0 && p.Value.Any(a => lineIds.Contains(a.ChannelLineId))).Select(p => p.Key).ToList();
        return matches.Count == 1 && pending[matches[0]].Select(a => a.ChannelLineId).Intersect(lineIds).Count() == lineIds.Count ? matches[0] : null;
    }
}
