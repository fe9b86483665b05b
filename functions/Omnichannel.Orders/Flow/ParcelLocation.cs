namespace Omnichannel.Orders.Flow;

/// <summary>
/// Which location a parcel left. An order reserved at several locations ships one parcel from each, so the
/// shipment names its location, or is the only one left, or carries lines all reserved at one location. The
/// HTTP command checks it before raising the event, and the flow applies the same rule when the event comes.
/// </summary>
internal static class ParcelLocation
{
    /// <param name="shipment">The confirmed parcel.</param>
    /// <param name="linesAt">Channel line ids reserved at each location still to ship.</param>
    /// <returns>The location, or null when the shipment names none of them (or more than one fits).</returns>
    public static string? Find(ShipmentConfirmation shipment, IReadOnlyDictionary<string, IReadOnlySet<string>> linesAt)
    {
        if (shipment.Location is { } named)
        {
            return linesAt.ContainsKey(named) ? named : null;
        }

        if (linesAt.Count == 1)
        {
            return linesAt.Keys.Single();
        }

        var lineIds = shipment.Lines.Select(l => l.ChannelLineId).ToHashSet(StringComparer.Ordinal);
        var holding = linesAt.Where(l => l.Value.Overlaps(lineIds)).Select(l => l.Key).ToList();
        return lineIds.Count > 0 && holding.Count == 1 && linesAt[holding[0]].IsSupersetOf(lineIds) ? holding[0] : null;
    }

    /// <summary>The line ids per location of <paramref name="items"/> (allocations, pick items).</summary>
    public static Dictionary<string, IReadOnlySet<string>> LinesAt<T>(IEnumerable<T> items, Func<T, string> location, Func<T, string> lineId) =>
        items.GroupBy(location, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(lineId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
