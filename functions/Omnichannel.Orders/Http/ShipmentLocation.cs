using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary>Checks, before the event is raised, that the flow will know which location the parcel left (<see cref="ParcelLocation"/>).</summary>
internal static class ShipmentLocation
{
    /// <returns>Why the shipment names no single location of the order, or null when it does (or fulfilment is not requested yet).</returns>
    public static string? Check(ShipmentConfirmation shipment, IReadOnlyList<FulfilmentRecord> fulfilment)
    {
        var linesAt = ParcelLocation.LinesAt(fulfilment.SelectMany(f => f.Items.Select(i => (f.Location, i.ChannelLineId))), x => x.Location, x => x.ChannelLineId);
        if (linesAt.Count == 0 || ParcelLocation.Find(shipment, linesAt) is not null)
        {
            return null;
        }

        var locations = string.Join(" and ", linesAt.Keys.Order(StringComparer.Ordinal));
        return shipment.Location is { } named
            ? $"The order ships from {locations}, not '{named}'."
            : $"'location' is required: the order ships from {locations}, one parcel each.";
    }
}
