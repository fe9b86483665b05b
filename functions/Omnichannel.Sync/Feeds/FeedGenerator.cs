using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Sync.Configuration;

namespace Omnichannel.Sync.Feeds;

/// <summary>
/// Builds a feed from the catalogue (products, locations), the ledger (stock per location and consolidated)
/// and the feed price list, validates every row, and writes the valid ones to Blob storage. A row that fails
/// validation is left out and reported, never written half-formed.
/// </summary>
public sealed class FeedGenerator(
    CatalogueStore catalogue,
    LocationStore locations,
    StockReader reader,
    PriceStore prices,
    FeedStore store,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<FeedGenerator> logger)
{
    private const int PageSize = 500;
    private const int ReadBatch = 100;

    /// <summary>Generates the named feed; null when no feed has that name.</summary>
    public async Task<FeedResult?> GenerateAsync(string name, CancellationToken cancellationToken)
    {
        if (!options.Value.EffectiveFeeds.TryGetValue(name, out var kind))
        {
            return null;
        }

        var feedName = options.Value.EffectiveFeeds.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)).ToLowerInvariant();
        var (products, stock, priced) = await ReadAsync(cancellationToken);
        var skipped = products.Where(p => !priced.ContainsKey(p.Sku)).Select(p => p.Sku).ToList();
        var sellable = products.Where(p => priced.ContainsKey(p.Sku)).ToList();
        var rejected = new List<FeedProblem>();
        string content;
        int items;
        HashSet<string> skus = new(StringComparer.Ordinal);
        if (kind == FeedKind.GoogleLocalInventory)
        {
            var stores = (await locations.GetAllAsync(cancellationToken)).Values.Where(l => l.Kind == LocationKind.Store).OrderBy(l => l.Id, StringComparer.Ordinal).ToList();
            var rows = Validate(sellable.SelectMany(p => stores.Select(s => LocalRow(p, s, stock.GetValueOrDefault(p.Sku), priced[p.Sku]))), FeedValidator.Check, r => r.Id, rejected);
            content = FeedFormat.Tsv(rows);
            items = rows.Count;
            skus.UnionWith(rows.Select(r => r.Id));
        }
        else
        {
            var rows = Validate(sellable.Select(p => ComparisonRow(p, stock.GetValueOrDefault(p.Sku), priced[p.Sku])), FeedValidator.Check, r => r.Id, rejected);
            content = FeedFormat.Csv(rows);
            items = rows.Count;
            skus.UnionWith(rows.Select(r => r.Id));
        }

        foreach (var problem in rejected)
        {
            Log.FeedItemRejected(logger, feedName, problem.Id, $"{problem.Field} {problem.Problem}");
        }

        var generatedAt = time.GetUtcNow();
        var blob = await store.WriteAsync(feedName, kind, content, generatedAt, items, cancellationToken);
        Log.FeedWritten(logger, feedName, items, rejected.Count);
        return new FeedResult(feedName, kind, generatedAt, items, skus.Count, rejected, skipped, blob);
    }

    private LocalInventoryRow LocalRow(Product product, Location store, StockView? view, FeedPrice price)
    {
        var quantity = Math.Max(0, view?.Locations.FirstOrDefault(b => b.Location == store.Id)?.Available ?? 0);
        var availability = quantity == 0 ? "out_of_stock" : quantity <= options.Value.LimitedAvailabilityAtOrBelow ? "limited_availability" : "in_stock";
        return new LocalInventoryRow(store.Id, product.Sku, quantity, availability, $"{FeedFormat.Amount(price.Amount)} {price.Currency}");
    }

    private static PriceComparisonRow ComparisonRow(Product product, StockView? view, FeedPrice price)
    {
        var quantity = Math.Max(0, view?.Available ?? 0);
        return new PriceComparisonRow(product.Sku, product.Title, product.Brand, product.Gtin, product.Mpn, FeedFormat.Amount(price.Amount), price.Currency, quantity > 0 ? "in_stock" : "out_of_stock", quantity, price.Link?.ToString());
    }

    private static List<T> Validate<T>(IEnumerable<T> rows, Func<T, IReadOnlyList<FeedProblem>> check, Func<T, string> id, List<FeedProblem> rejected)
    {
        var valid = new List<T>();
        foreach (var row in rows)
        {
            var problems = check(row);
            if (problems.Count == 0)
            {
                valid.Add(row);
            }
            else
            {
                rejected.AddRange(problems);
            }
        }

        return valid;
    }

    private async Task<(List<Product> Products, Dictionary<string, StockView> Stock, IReadOnlyDictionary<string, FeedPrice> Prices)> ReadAsync(CancellationToken cancellationToken)
    {
        var products = new List<Product>();
        string? token = null;
        do
        {
            var page = await catalogue.ListProductsAsync(PageSize, token, cancellationToken);
            products.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        var stock = new Dictionary<string, StockView>(StringComparer.Ordinal);
        foreach (var chunk in products.Select(p => p.Sku).Chunk(ReadBatch))
        {
            foreach (var view in await reader.GetManyAsync(chunk, cancellationToken))
            {
                stock[view.Sku] = view;
            }
        }

        return (products.OrderBy(p => p.Sku, StringComparer.Ordinal).ToList(), stock, await prices.GetAllAsync(cancellationToken));
    }
}
