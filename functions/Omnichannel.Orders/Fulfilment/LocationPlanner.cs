using Microsoft.Extensions.Options;
using Omnichannel.Channels.Model;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Flow;

namespace Omnichannel.Orders.Fulfilment;

/// <summary>Which locations an order may take stock from, best first, and how much it takes from each.</summary>
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

        return ShippingCandidates(all, options.Value.LocationPriority);
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
        return FulfilledBy(all, channel)
            ?? throw new InvalidOperationException($"No location fulfils {channel} orders (kind ChannelFulfilled with FulfilledChannel '{channel}'), and the order names none.");
    }

    /// <summary>
    /// Where an order the merchant ships may take stock from: the <paramref name="priority"/> ids in their order
    /// (unknown ids skipped), or, without one, every location that ships online and is not channel-fulfilled:
    /// warehouses, 3PL, stores, dropship, then any other kind, each kind by id.
    /// </summary>
    internal static IReadOnlyList<Location> ShippingCandidates(IReadOnlyDictionary<string, Location> all, IList<string> priority)
    {
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

    /// <summary>The channel's own fulfilment location (kind ChannelFulfilled, channel compared ignoring case), the first by id; null when there is none.</summary>
    internal static Location? FulfilledBy(IReadOnlyDictionary<string, Location> all, string channel) =>
        all.Values
            .Where(l => l.Kind == LocationKind.ChannelFulfilled && string.Equals(l.FulfilledChannel, channel, StringComparison.OrdinalIgnoreCase))
            .OrderBy(l => l.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>
    /// Takes each line from the first candidate that has all of it (one parcel), else splits it over the candidates
    /// in their order, taking what each has; a line the candidates cannot cover together is missing, and the plan
    /// is then not to be used. <paramref name="available"/> holds what each (SKU, location) has (negative counts as
    /// none); what the plan takes is subtracted from it, so later lines of the same SKU see what is left.
    /// </summary>
    internal static (List<Allocation> Plan, List<string> Missing) Allocate(IReadOnlyList<MatchedLine> lines, IReadOnlyList<Location> candidates, Dictionary<(string Sku, string Location), int> available)
    {
        var plan = new List<Allocation>();
        var missing = new List<string>();
        int Free(string sku, string location) => Math.Max(0, available.GetValueOrDefault((sku, location)));
        foreach (var line in lines)
        {
            var total = candidates.Sum(l => Free(line.Sku, l.Id));
            if (total < line.Quantity)
            {
                missing.Add($"{line.Sku}: {line.Quantity} wanted, {total} available at {string.Join('/', candidates.Select(c => c.Id))}");
                continue;
            }

            // One location with all of the line keeps it in one parcel; otherwise take it where it is, best first.
            var whole = candidates.FirstOrDefault(l => Free(line.Sku, l.Id) >= line.Quantity);
            var left = line.Quantity;
            foreach (var location in whole is null ? candidates : [whole])
            {
                var take = Math.Min(left, Free(line.Sku, location.Id));
                if (take == 0)
                {
                    continue;
                }

                available[(line.Sku, location.Id)] -= take;
                plan.Add(new Allocation(line.ChannelLineId, line.Sku, location.Id, take, line.UnitPrice, line.Currency, line.UnitNet, line.UnitTax));
                left -= take;
                if (left == 0)
                {
                    break;
                }
            }
        }

        return (plan, missing);
    }
}
