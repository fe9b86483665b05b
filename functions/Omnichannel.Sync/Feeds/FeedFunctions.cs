using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Sync.Configuration;
using Omnichannel.Sync.Feeds;

namespace Omnichannel.Sync.Http;

/// <summary><c>/api/feeds/...</c>: serve the latest feed, generate on demand, set feed prices.</summary>
internal static class FeedEndpoints
{
    public const string GeneratedAtHeader = "X-Feed-Generated-At";

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string name, HttpContext context, FeedStore store, IOptions<SyncOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Value.EffectiveFeeds.TryGetValue(name, out var kind))
        {
            return UnknownFeed(name, options.Value);
        }

        var feed = await store.ReadAsync(name.ToLowerInvariant(), kind, cancellationToken);
        if (feed is null)
        {
            return TypedResults.Problem($"Feed '{name}' has not been generated yet: POST /api/feeds/{name}/generate.", statusCode: StatusCodes.Status404NotFound, title: "Not generated");
        }

        context.Response.Headers[GeneratedAtHeader] = feed.GeneratedAt.ToString("O", CultureInfo.InvariantCulture);
        return TypedResults.File(feed.Content, feed.ContentType, fileDownloadName: null, lastModified: feed.GeneratedAt);
    }

    internal static async Task<Results<Ok<FeedResult>, ProblemHttpResult>> GenerateAsync(
        string name, FeedGenerator generator, IOptions<SyncOptions> options, CancellationToken cancellationToken) =>
        await generator.GenerateAsync(name, cancellationToken) is { } result ? TypedResults.Ok(result) : UnknownFeed(name, options.Value);

    internal static async Task<Results<Ok<FeedPrice>, ValidationProblem, ProblemHttpResult>> PutPriceAsync(
        string sku, FeedPriceRequest? request, CatalogueStore catalogue, PriceList prices, IOptions<SyncOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.Price is not { } amount || amount < 0 || amount > 1_000_000_000 || decimal.Round(amount, 2) != amount)
        {
            errors["price"] = ["'price' is required: 0 or more, at most two decimals."];
        }

        var currency = request?.Currency?.Trim() ?? options.Value.DefaultCurrency;
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            errors["currency"] = ["'currency' must be an ISO 4217 code of three capital letters."];
        }

        Uri? link = null;
        if (request?.Link is { } text && (!Uri.TryCreate(text, UriKind.Absolute, out link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp)))
        {
            errors["link"] = ["'link' must be an absolute http(s) URL."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await catalogue.GetProductAsync(sku, cancellationToken) is null)
        {
            return TypedResults.Problem($"SKU '{sku}' is not in the catalogue.", statusCode: StatusCodes.Status404NotFound, title: "Unknown SKU");
        }

        var price = new FeedPrice(sku, request!.Price!.Value, currency, link);
        await prices.SetAsync(price, cancellationToken);
        return TypedResults.Ok(price);
    }

    private static ProblemHttpResult UnknownFeed(string name, SyncOptions options) =>
        TypedResults.Problem($"No feed is named '{name}'. Feeds: {string.Join(", ", options.EffectiveFeeds.Keys)}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown feed");
}
