using System.Globalization;
using Azure.Data.Tables;
using Omnichannel.Storage.Errors;
using Omnichannel.Storage.Tables;
using Omnichannel.Sync.Configuration;

namespace Omnichannel.Sync.Feeds;

/// <summary>The feeds' price list: one row per SKU in partition <c>price</c>; a write replaces the SKU's price.</summary>
public sealed class PriceStore(SyncStorage storage)
{
    private const string Partition = "price";

    public async Task SetAsync(FeedPrice price, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(price);
        await storage.EnsureCreatedAsync();
        var entity = new TableEntity(Partition, TableKeys.Escape(price.Sku))
        {
            ["Sku"] = price.Sku,
            ["Amount"] = price.Amount.ToString(CultureInfo.InvariantCulture),
            ["Currency"] = price.Currency,
            ["Link"] = price.Link?.ToString(),
        };
        await StorageCall.RunAsync(() => storage.Prices.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken));
    }

    /// <summary>Every price, by SKU.</summary>
    public async Task<IReadOnlyDictionary<string, FeedPrice>> GetAllAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        return await StorageCall.RunAsync(async () =>
        {
            var prices = new Dictionary<string, FeedPrice>(StringComparer.Ordinal);
            await foreach (var e in storage.Prices.QueryAsync<TableEntity>(TableFilter.Partition(Partition), maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                var sku = e.GetString("Sku");
                var link = e.GetString("Link");
                prices[sku] = new FeedPrice(sku, decimal.Parse(e.GetString("Amount"), CultureInfo.InvariantCulture), e.GetString("Currency"), link is null ? null : new Uri(link));
            }

            return prices;
        });
    }
}
