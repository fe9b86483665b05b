using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Configuration;

namespace Omnichannel.Ledger.Stock;

/// <summary>Reads a SKU's consolidated stock: one query of its partition plus the (cached) locations.</summary>
public sealed class StockReader(LedgerStorage storage, LocationStore locations)
{
    /// <summary>The SKU's stock, or null when it is not in the catalogue.</summary>
    public async Task<StockView?> GetAsync(string sku, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var readLocations = locations.GetAllAsync(cancellationToken);
        var snapshot = await StockPartitionStore.ReadAsync(storage.Stock, sku, cancellationToken);
        var byId = await readLocations;
        return snapshot is null ? null : View(snapshot, byId);
    }

    /// <summary>Many SKUs at once, read in parallel; unknown SKUs are left out.</summary>
    public async Task<IReadOnlyList<StockView>> GetManyAsync(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var byId = await locations.GetAllAsync(cancellationToken);
        var snapshots = await Task.WhenAll(skus.Distinct(StringComparer.Ordinal).Select(s => StockPartitionStore.ReadAsync(storage.Stock, s, cancellationToken)));
        return snapshots.OfType<StockSnapshot>().Select(s => View(s, byId)).ToList();
    }

    /// <summary>The audit trail, newest first, one page at a time; null when the SKU is not in the catalogue.</summary>
    public async Task<Page<Movement>?> GetMovementsAsync(string sku, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        if (continuationToken is null && await StockPartitionStore.ReadAsync(storage.Stock, sku, cancellationToken) is null)
        {
            return null;
        }

        return await StockPartitionStore.ReadLogPageAsync(storage.Stock, sku, pageSize, continuationToken, cancellationToken);
    }

    private static StockView View(StockSnapshot s, IReadOnlyDictionary<string, Location> byId)
    {
        var balances = s.Balances.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => b.Value.State.ToBalance(b.Key)).ToList();
        var available = MovementRules.ConsolidatedAvailable(s.Balances.Values.Select(b => b.State), s.SafetyStock);
        var channels = s.Rules.Select(r => AvailableToSell.For(r, balances, byId, available)).ToList();
        return new StockView(
            s.Sku,
            s.Title,
            balances.Sum(b => b.OnHand),
            balances.Sum(b => b.Reserved),
            balances.Sum(b => b.Incoming),
            balances.Sum(b => b.Unsellable),
            balances.Sum(b => b.InTransit),
            s.SafetyStock,
            s.ReorderPoint,
            available,
            MovementRules.IsLow(available, s.ReorderPoint),
            s.Sequence,
            balances,
            channels);
    }
}

/// <summary>
/// A SKU's stock: sums over its locations, each location, and each listing's available-to-sell.
/// <c>Available</c> is on hand − reserved − safety stock over all locations, never below zero; <c>LowStock</c>
/// says it is below the reorder point; <c>Sequence</c> is the last movement's, so a reader can tell whether it
/// has seen a change.
/// </summary>
public sealed record StockView(
    string Sku,
    string Title,
    int OnHand,
    int Reserved,
    int Incoming,
    int Unsellable,
    int InTransit,
    int SafetyStock,
    int? ReorderPoint,
    int Available,
    bool LowStock,
    long Sequence,
    IReadOnlyList<LocationBalance> Locations,
    IReadOnlyList<ChannelAvailability> Channels);
