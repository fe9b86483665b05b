using Omnichannel.Ledger.Catalogue;

namespace Omnichannel.Ledger.Stock;

/// <summary>
/// Available-to-sell of one listing: the available stock of the locations its rule allows (by default the
/// locations that ship online; a channel-fulfilled location such as FBA only for its own channel, even when
/// listed), capped by the consolidated available (which holds back the safety stock), times the share,
/// rounded down, minus the buffer, never below zero.
/// </summary>
public static class AvailableToSell
{
    public static bool MaySellFrom(ChannelListing listing, Location location)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(location);
        if (location.Kind == LocationKind.ChannelFulfilled && !string.Equals(location.FulfilledChannel, listing.Channel, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var allowed = listing.Rule.AllowedLocations;
        return allowed is { Count: > 0 }
            ? allowed.Contains(location.Id, StringComparer.Ordinal)
            : location.ShipsOnline || location.Kind == LocationKind.ChannelFulfilled;
    }

    public static ChannelAvailability For(ChannelListing listing, IReadOnlyList<LocationBalance> balances, IReadOnlyDictionary<string, Location> locations, int consolidatedAvailable)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(balances);
        ArgumentNullException.ThrowIfNull(locations);
        var from = balances.Where(b => locations.TryGetValue(b.Location, out var l) && MaySellFrom(listing, l)).ToList();
        long pool = Math.Min(from.Sum(b => (long)b.Available), consolidatedAvailable);
        var share = pool * Math.Clamp(listing.Rule.SharePercent, 0, 100) / 100;
        var ats = (int)Math.Max(0, share - listing.Rule.BufferUnits);
        return new ChannelAvailability(listing.Channel, listing.Account, listing.ChannelItemId, listing.SellerSku, ats, from.Select(b => b.Location).ToList());
    }
}
