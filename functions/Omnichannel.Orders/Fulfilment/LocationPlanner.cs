using Microsoft.Extensions.Options;
using Omnichannel.Channels.Model;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Configuration;

namespace Omnichannel.Orders.Fulfilment;

/// <summary>Which locations an order may take stock from, best first.</summary>
public sealed class LocationPlanner(LocationStore directory, IOptions<OrdersOptions> options)
{
    private static readonly LocationKind[] DefaultOrder = [LocationKind.Warehouse, LocationKind.ThirdPartyLogistics, LocationKind.Store, LocationKind.Dropship];

    /// <summary>
    /// The pickup store for click-and-collect; otherwise the configured priority (unknown ids skipped), or every
    /// location that ships online and is not channel-fulfilled, warehouses first. Throws when a pickup store is unknown.
    /// </summary>
    public async Task<IReadOnlyList<Location>> CandidatesAsync(FulfilmentMethod fulfilment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fulfilment);
        var all = await directory.GetAllAsync(cancellationToken);
        if (fulfilment.Kind == FulfilmentKind.PickupInStore)
        {
            var store = fulfilment.Location is { } id ? await directory.FindAsync(id, cancellationToken) : null;
            return store is null
                ? throw new InvalidOperationException($"The pickup location '{fulfilment.Location}' is not a known location.")
                : [store];
        }

        var priority = options.Value.LocationPriority;
        if (priority.Count > 0)
        {
            return priority.Select(all.GetValueOrDefault).OfType<Location>().ToList();
        }

        return all.Values
            .Where(l => l.ShipsOnline && l.Kind != LocationKind.ChannelFulfilled)
            .OrderBy(l => Array.IndexOf(DefaultOrder, l.Kind) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(l => l.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Where a channel-fulfilled (or over-the-counter) sale is recorded: the named location, else the channel's own fulfilment location.</summary>
    public async Task<Location> SaleLocationAsync(string channel, FulfilmentMethod fulfilment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fulfilment);
        if (fulfilment.Location is { } id && await directory.FindAsync(id, cancellationToken) is { } named)
        {
            return named;
        }

        var all = await directory.GetAllAsync(cancellationToken);
        return all.Values
            .Where(l => l.Kind == LocationKind.ChannelFulfilled && string.Equals(l.FulfilledChannel, channel, StringComparison.OrdinalIgnoreCase))
            .OrderBy(l => l.Id, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"No location fulfils {channel} orders (kind ChannelFulfilled with FulfilledChannel '{channel}'), and the order names none.");
    }
}
