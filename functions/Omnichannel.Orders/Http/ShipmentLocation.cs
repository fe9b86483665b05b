using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary>
/// Checks, before the event is raised, that a shipment can be told apart: an order reserved at several locations
/// ships one parcel per location, so the shipment must name its location or carry lines reserved at one only.
/// </summary>
internal static class ShipmentLocation
{
    /// <returns>Why the shipment names no single location of the order, or null when it does (or fulfilment is not requested yet).</returns>
    public static string? Check(ShipmentConfirmation shipment, IReadOnlyList<FulfilmentRecord> fulfilment)
    {
        var locations = fulfilment.Select(f => f.Location).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (shipment.Location is { } named)
        {
            return locations.Count == 0 || locations.Contains(named, StringComparer.Ordinal)
                ? null
                : $"The order ships from {string.Join(" and ", locations)}, not '{named}'.";
        }

        if (locations.Count <= 1)
        {
            return null;
        }

        var lineIds = shipment.Lines.Select(l => l.ChannelLineId).ToHashSet(StringComparer.Ordinal);
        var holding = fulfilment.Where(f => f.Items.Any(i => lineIds.Contains(i.ChannelLineId))).Select(f => f.Location).Distinct(StringComparer.Ordinal).ToList();
        return holding.Count == 1 ? null : $"'location' is required: the order ships from {string.Join(" and ", locations)}, one parcel each.";
    }
}
