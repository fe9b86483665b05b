using Azure;
using Azure.Data.Tables;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Ledger.Stock;
using Omnichannel.Storage.Errors;
using Omnichannel.Storage.Tables;

namespace Omnichannel.Ledger.Catalogue;

/// <summary>
/// Products, locations and listings in the catalogue table (PartitionKey <c>product</c>, <c>location</c>,
/// <c>listing</c>; lookup indexes <c>gtin</c>, <c>asin</c>, <c>sellersku</c> map a normal form to a SKU).
/// Writes are upserts: repeating one changes nothing. A product also writes its stock settings to the SKU's
/// head row, and a listing its rule to the SKU's partition, so a stock read needs a single query.
/// </summary>
public sealed class CatalogueStore(LedgerStorage storage, LocationStore locations)
{
    internal const string Products = "product";
    internal const string Locations = "location";
    internal const string Listings = "listing";
    internal const string GtinIndex = "gtin";
    internal const string AsinIndex = "asin";
    internal const string SellerSkuIndex = "sellersku";

    /// <summary>
    /// A listing's key, unique per channel account: <c>{channel}|{account}|{item}</c>, each escaped. The RowKey of its
    /// catalogue row, of its rule in the SKU's stock partition (after <c>ats|</c>) and of its sync state.
    /// </summary>
    public static string ListingKey(string channel, string account, string channelItemId) =>
        $"{TableKeys.Escape(channel)}|{TableKeys.Escape(account)}|{TableKeys.Escape(channelItemId)}";

    /// <summary>Creates or replaces a product. Its old identifiers stay in the indexes; lookups verify them.</summary>
    public async Task UpsertProductAsync(Product product, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(product);
        await storage.EnsureCreatedAsync();
        var key = TableKeys.Escape(product.Sku);
        await Upsert(storage.Catalogue, new TableEntity(Products, key) { ["Data"] = LedgerJson.Serialize(product) }, TableUpdateMode.Replace, cancellationToken);
        await Upsert(storage.Stock, StockPartitionStore.HeadSettings(product), TableUpdateMode.Merge, cancellationToken);
        var indexes = new List<(string, string?)>
        {
            (GtinIndex, Identifiers.NormalizeGtin(product.Gtin)),
            (AsinIndex, Identifiers.NormalizeAsin(product.Asin)),
            (SellerSkuIndex, Identifiers.NormalizeSellerSku(product.Sku)),
        };
        await Task.WhenAll(indexes.Where(i => !string.IsNullOrEmpty(i.Item2)).Select(i => IndexAsync(i.Item1, i.Item2!, product.Sku, cancellationToken)));
    }

    public async Task<Product?> GetProductAsync(string sku, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        return await GetAsync<Product>(Products, TableKeys.Escape(sku), cancellationToken);
    }

    public async Task<Page<Product>> ListProductsAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        return await PageAsync<Product>(Products, pageSize, continuationToken, cancellationToken);
    }

    public async Task UpsertLocationAsync(Location location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        await storage.EnsureCreatedAsync();
        await Upsert(storage.Catalogue, new TableEntity(Locations, TableKeys.Escape(location.Id)) { ["Data"] = LedgerJson.Serialize(location) }, TableUpdateMode.Replace, cancellationToken);
        locations.Invalidate();
    }

    /// <summary>
    /// Creates or replaces a listing (its SKU and locations must exist; the caller validates). Writes the rule
    /// to the SKU's partition first, then the catalogue row, then removes the rule from a previous SKU, so a
    /// crash midway leaves at worst a rule that the next upsert repairs.
    /// </summary>
    public async Task UpsertListingAsync(ChannelListing listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        await storage.EnsureCreatedAsync();
        var previous = await GetListingAsync(listing.Channel, listing.Account, listing.ChannelItemId, cancellationToken);
        var data = LedgerJson.Serialize(listing);
        await Upsert(storage.Stock, new TableEntity(StockPartitionStore.Key(listing.Sku), StockPartitionStore.RuleKey(listing.Key)) { ["Data"] = data }, TableUpdateMode.Replace, cancellationToken);
        await Upsert(storage.Catalogue, new TableEntity(Listings, listing.Key) { ["Data"] = data, ["Sku"] = listing.Sku }, TableUpdateMode.Replace, cancellationToken);
        if (previous is not null && previous.Sku != listing.Sku)
        {
            await StorageCall.TryGetAsync(() => storage.Stock.DeleteEntityAsync(StockPartitionStore.Key(previous.Sku), StockPartitionStore.RuleKey(listing.Key), ETag.All, cancellationToken));
        }

        if (!string.IsNullOrWhiteSpace(listing.SellerSku))
        {
            await IndexAsync(SellerSkuIndex, Identifiers.NormalizeSellerSku(listing.SellerSku), listing.Sku, cancellationToken);
        }
    }

    public async Task<ChannelListing?> GetListingAsync(string channel, string account, string channelItemId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        return await GetAsync<ChannelListing>(Listings, ListingKey(channel, account, channelItemId), cancellationToken);
    }

    /// <summary>All listings, or those of one SKU (read from the SKU's partition).</summary>
    public async Task<Page<ChannelListing>> ListListingsAsync(string? sku, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        if (sku is null)
        {
            return await PageAsync<ChannelListing>(Listings, pageSize, continuationToken, cancellationToken);
        }

        var filter = TableFilter.Rows(StockPartitionStore.Key(sku), StockPartitionStore.RulePrefix, "ats}");
        return await PageAsync<ChannelListing>(storage.Stock, filter, pageSize, continuationToken, cancellationToken);
    }

    /// <summary>The SKU an index maps a normal form to, if any.</summary>
    internal async Task<string?> FindIndexedAsync(string index, string normalized, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var entity = await StorageCall.TryGetAsync(async () => (await storage.Catalogue.GetEntityAsync<TableEntity>(index, TableKeys.Escape(normalized), cancellationToken: cancellationToken)).Value);
        return entity?.GetString("Sku");
    }

    private Task IndexAsync(string index, string normalized, string sku, CancellationToken cancellationToken) =>
        Upsert(storage.Catalogue, new TableEntity(index, TableKeys.Escape(normalized)) { ["Sku"] = sku }, TableUpdateMode.Replace, cancellationToken);

    private static Task Upsert(TableClient table, TableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(() => table.UpsertEntityAsync(entity, mode, cancellationToken));

    private async Task<T?> GetAsync<T>(string partition, string rowKey, CancellationToken cancellationToken)
        where T : class
    {
        var entity = await StorageCall.TryGetAsync(async () => (await storage.Catalogue.GetEntityAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken)).Value);
        return entity is null ? null : LedgerJson.Deserialize<T>(entity.GetString("Data"));
    }

    private Task<Page<T>> PageAsync<T>(string partition, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PageAsync<T>(storage.Catalogue, TableFilter.Partition(partition), pageSize, continuationToken, cancellationToken);

    private static Task<Page<T>> PageAsync<T>(TableClient table, string filter, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(async () =>
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize))
            {
                return new Page<T>(page.Values.Select(e => LedgerJson.Deserialize<T>(e.GetString("Data"))).ToList(), page.ContinuationToken);
            }

            return new Page<T>([], null);
        });
}

/// <summary>One page of a listing; pass <see cref="ContinuationToken"/> back for the next, null at the end.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
