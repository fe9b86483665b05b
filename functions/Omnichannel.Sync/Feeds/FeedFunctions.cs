using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Http;
using Omnichannel.Hosting.Validation;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Sync.Configuration;

namespace Omnichannel.Sync.Feeds;

/// <summary>
/// The feeds: regenerated on their schedule, and <c>/api/feeds/...</c> to serve the latest feed, generate on demand
/// and set feed prices.
/// </summary>
public sealed class FeedFunctions(FeedStore store, FeedGenerator generator, CatalogueStore catalogue, PriceStore prices, IOptions<SyncOptions> options)
{
    public const string GeneratedAtHeader = "X-Feed-Generated-At";

    /// <summary>Timer function: regenerates every configured feed.</summary>
    [Function("SyncFeedsGenerate")]
    public async Task GenerateAllAsync([TimerTrigger("%Sync:FeedSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        foreach (var name in options.Value.EffectiveFeeds.Keys)
        {
            await generator.GenerateAsync(name, cancellationToken);
        }
    }

    [Function("SyncFeedGet")]
    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "feeds/{name}")] HttpRequest request, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!options.Value.EffectiveFeeds.TryGetValue(name, out var kind))
        {
            return UnknownFeed(name, options.Value);
        }

        var feed = await store.ReadAsync(name.ToLowerInvariant(), kind, cancellationToken);
        if (feed is null)
        {
            return Problems.NotFound("generated feed", name, $"Generate it with POST /api/feeds/{name}/generate.");
        }

        request.HttpContext.Response.Headers[GeneratedAtHeader] = feed.GeneratedAt.ToString("O", CultureInfo.InvariantCulture);
        return TypedResults.File(feed.Content, feed.ContentType, fileDownloadName: null, lastModified: feed.GeneratedAt);
    }

    [Function("SyncFeedGenerate")]
    public async Task<Results<Ok<FeedResult>, ProblemHttpResult>> GenerateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "feeds/{name}/generate")] HttpRequest request, string name, CancellationToken cancellationToken) =>
        await generator.GenerateAsync(name, cancellationToken) is { } result ? TypedResults.Ok(result) : UnknownFeed(name, options.Value);

    [Function("SyncFeedPricePut")]
    public async Task<Results<Ok<FeedPrice>, ProblemHttpResult>> PutPriceAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "feeds/prices/{sku}")] HttpRequest httpRequest, string sku, CancellationToken cancellationToken)
    {
        var body = await HttpBody.ReadAsync<FeedPriceRequest>(httpRequest, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed;
        }

        var request = body.Value;
        var errors = new FieldErrors();
        if (request?.Price is not { } amount || amount < 0 || amount > 1_000_000_000 || decimal.Round(amount, 2) != amount)
        {
            errors.Add("price", "'price' is required: 0 or more, at most two decimals.");
        }

        var currency = request?.Currency?.Trim() ?? options.Value.DefaultCurrency;
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add("currency", "'currency' must be an ISO 4217 code of three capital letters.");
        }

        Uri? link = null;
        if (request?.Link is { } text && (!Uri.TryCreate(text, UriKind.Absolute, out link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add("link", "'link' must be an absolute http(s) URL.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (await catalogue.GetProductAsync(sku, cancellationToken) is null)
        {
            return Problems.NotFound("SKU", sku);
        }

        var price = new FeedPrice(sku, request!.Price!.Value, currency, link);
        await prices.SetAsync(price, cancellationToken);
        return TypedResults.Ok(price);
    }

    private static ProblemHttpResult UnknownFeed(string name, SyncOptions options) =>
        Problems.NotFound("feed", name, $"Feeds: {string.Join(", ", options.EffectiveFeeds.Keys)}.");
}
