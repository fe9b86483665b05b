using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Storage.Errors;
using Omnichannel.Storage.Tables;

namespace Omnichannel.Ledger.Catalogue;

/// <summary>
/// The list of locations, cached per instance for <see cref="LedgerOptions.LocationCacheDuration"/>: every
/// movement checks its location and every stock read needs the kinds. An id missing from the cache forces a
/// fresh read, so a location created on another instance is seen at once.
/// </summary>
public sealed class LocationStore(LedgerStorage storage, TimeProvider time, IOptions<LedgerOptions> options)
{
    private readonly object _gate = new();
    private (DateTimeOffset ReadAt, IReadOnlyDictionary<string, Location> ById)? _cache;

    public async Task<IReadOnlyDictionary<string, Location>> GetAllAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_cache is { } c && time.GetUtcNow() - c.ReadAt < options.Value.LocationCacheDuration)
            {
                return c.ById;
            }
        }

        return await RefreshAsync(cancellationToken);
    }

    public async Task<Location?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var all = await GetAllAsync(cancellationToken);
        if (all.TryGetValue(id, out var location))
        {
            return location;
        }

        return (await RefreshAsync(cancellationToken)).GetValueOrDefault(id);
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _cache = null;
        }
    }

    private async Task<IReadOnlyDictionary<string, Location>> RefreshAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var byId = new Dictionary<string, Location>(StringComparer.Ordinal);
        var filter = TableFilter.Partition(CatalogueStore.Locations);
        await StorageCall.RunAsync(async () =>
        {
            await foreach (var e in storage.Catalogue.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                var location = LedgerJson.Deserialize<Location>(e.GetString("Data"));
                byId[location.Id] = location;
            }
        });
        lock (_gate)
        {
            _cache = (time.GetUtcNow(), byId);
        }

        return byId;
    }
}
