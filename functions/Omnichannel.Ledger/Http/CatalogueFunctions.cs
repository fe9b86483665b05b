using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Omnichannel.Hosting.Http;
using Omnichannel.Hosting.Validation;
using Omnichannel.Ledger.Catalogue;

namespace Omnichannel.Ledger.Http;

/// <summary>Products, locations and listings: <c>/api/products</c>, <c>/api/locations</c>, <c>/api/listings</c>.</summary>
public sealed class CatalogueFunctions(CatalogueStore catalogue, LocationStore locations, ListingMatcher matcher)
{
    [Function("LedgerProductPut")]
    public async Task<Results<Ok<Product>, ProblemHttpResult>> PutProductAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "products/{sku}")] HttpRequest request, string sku, CancellationToken cancellationToken)
    {
        var body = await HttpBody.ReadAsync<ProductInput>(request, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed;
        }

        var errors = new FieldErrors();
        var product = ((body.Value ?? new ProductInput()) with { Sku = sku }).Validate(errors);
        if (product is null)
        {
            return Problems.Invalid(errors);
        }

        await catalogue.UpsertProductAsync(product, cancellationToken);
        return TypedResults.Ok(product);
    }

    [Function("LedgerProductGet")]
    public async Task<Results<Ok<Product>, ProblemHttpResult>> GetProductAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "products/{sku}")] HttpRequest request, string sku, CancellationToken cancellationToken)
    {
        if (Problems.BadId("sku", sku) is { } bad)
        {
            return bad;
        }

        return await catalogue.GetProductAsync(sku, cancellationToken) is { } product
            ? TypedResults.Ok(product)
            : LedgerProblems.UnknownSku(sku);
    }

    [Function("LedgerProductsList")]
    public async Task<Results<Ok<Page<Product>>, ProblemHttpResult>> ListProductsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "products")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpQuery.TryInt(request, "pageSize", out var pageSize, out var badQuery))
        {
            return badQuery!;
        }

        if (!LedgerProblems.TryPageSize(pageSize, out var size, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await catalogue.ListProductsAsync(size, NullIfEmpty(HttpQuery.String(request, "continuationToken")), cancellationToken));
    }

    [Function("LedgerLocationPut")]
    public async Task<Results<Ok<Location>, ProblemHttpResult>> PutLocationAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "locations/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var body = await HttpBody.ReadAsync<LocationInput>(request, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed;
        }

        var errors = new FieldErrors();
        var location = ((body.Value ?? new LocationInput()) with { Id = id }).Validate(errors);
        if (location is null)
        {
            return Problems.Invalid(errors);
        }

        await catalogue.UpsertLocationAsync(location, cancellationToken);
        return TypedResults.Ok(location);
    }

    [Function("LedgerLocationsList")]
    public async Task<Ok<IReadOnlyList<Location>>> ListLocationsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "locations")] HttpRequest request, CancellationToken cancellationToken)
    {
        locations.Invalidate();
        var all = await locations.GetAllAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Location>>(all.Values.OrderBy(l => l.Id, StringComparer.Ordinal).ToList());
    }

    [Function("LedgerListingPut")]
    public async Task<Results<Ok<ChannelListing>, ProblemHttpResult>> PutListingAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", "post", Route = "listings")] HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await HttpBody.ReadAsync<ListingInput>(request, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed;
        }

        var errors = new FieldErrors();
        var listing = (body.Value ?? new ListingInput()).Validate(errors);
        if (listing is null)
        {
            return Problems.Invalid(errors);
        }

        if (await catalogue.GetProductAsync(listing.Sku, cancellationToken) is null)
        {
            return LedgerProblems.UnknownSku(listing.Sku);
        }

        ListingInput.CheckLocations(listing, await locations.GetAllAsync(cancellationToken), errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        await catalogue.UpsertListingAsync(listing, cancellationToken);
        return TypedResults.Ok(listing);
    }

    [Function("LedgerListingsList")]
    public async Task<Results<Ok<Page<ChannelListing>>, ProblemHttpResult>> ListListingsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "listings")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpQuery.TryInt(request, "pageSize", out var pageSize, out var badQuery))
        {
            return badQuery!;
        }

        if (!LedgerProblems.TryPageSize(pageSize, out var size, out var problem))
        {
            return problem!;
        }

        var sku = NullIfEmpty(HttpQuery.String(request, "sku"));
        if (sku is not null && Problems.BadId("sku", sku) is { } bad)
        {
            return bad;
        }

        return TypedResults.Ok(await catalogue.ListListingsAsync(sku, size, NullIfEmpty(HttpQuery.String(request, "continuationToken")), cancellationToken));
    }

    [Function("LedgerListingsMatch")]
    public async Task<Results<Ok<CatalogueMatch>, ProblemHttpResult>> MatchAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "listings/match")] HttpRequest request, CancellationToken cancellationToken)
    {
        var channel = HttpQuery.String(request, "channel");
        var account = HttpQuery.String(request, "account");
        var errors = new FieldErrors();
        errors.Id("channel", channel, 50);
        errors.Id("account", account);
        if (NullIfEmpty(HttpQuery.String(request, "channelItemId")) is { } itemId)
        {
            errors.Id("channelItemId", itemId, 200);
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var line = new ChannelLine(
            channel!,
            account!,
            NullIfEmpty(HttpQuery.String(request, "channelItemId")),
            NullIfEmpty(HttpQuery.String(request, "sellerSku")),
            NullIfEmpty(HttpQuery.String(request, "gtin")),
            NullIfEmpty(HttpQuery.String(request, "asin")));
        return await matcher.MatchAsync(line, cancellationToken) is { } match
            ? TypedResults.Ok(match)
            : Problems.NotFound("listing, GTIN, ASIN or seller SKU matching this line", null);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
