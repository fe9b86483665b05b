using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Ledger.Catalogue;

namespace Omnichannel.Ledger.Http;

/// <summary>Products, locations and listings: <c>/api/products</c>, <c>/api/locations</c>, <c>/api/listings</c>.</summary>
internal static class CatalogueEndpoints
{
    public static IServiceCollection AddCatalogueFunctions(this IServiceCollection services) => services
        .AddHttpFunction("ProductPut", "products/{sku}", AuthorizationLevel.Function, PutProductAsync, "PUT")
        .AddHttpFunction("ProductGet", "products/{sku}", AuthorizationLevel.Function, GetProductAsync, "GET")
        .AddHttpFunction("ProductList", "products", AuthorizationLevel.Function, ListProductsAsync, "GET")
        .AddHttpFunction("LocationPut", "locations/{id}", AuthorizationLevel.Function, PutLocationAsync, "PUT")
        .AddHttpFunction("LocationList", "locations", AuthorizationLevel.Function, ListLocationsAsync, "GET")
        .AddHttpFunction("ListingPut", "listings", AuthorizationLevel.Function, PutListingAsync, "PUT", "POST")
        .AddHttpFunction("ListingList", "listings", AuthorizationLevel.Function, ListListingsAsync, "GET")
        .AddHttpFunction("ListingMatch", "listings/match", AuthorizationLevel.Function, MatchAsync, "GET");

    internal static async Task<Results<Ok<Product>, ValidationProblem>> PutProductAsync(string sku, ProductInput? input, CatalogueStore catalogue, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var product = ((input ?? new ProductInput()) with { Sku = sku }).Validate(errors);
        if (product is null)
        {
            return LedgerProblems.Invalid(errors);
        }

        await catalogue.UpsertProductAsync(product, cancellationToken);
        return TypedResults.Ok(product);
    }

    internal static async Task<Results<Ok<Product>, ProblemHttpResult>> GetProductAsync(string sku, CatalogueStore catalogue, CancellationToken cancellationToken) =>
        await catalogue.GetProductAsync(sku, cancellationToken) is { } product
            ? TypedResults.Ok(product)
            : LedgerProblems.NotFound($"SKU '{sku}' is not in the catalogue.", sku);

    internal static async Task<Results<Ok<Page<Product>>, ValidationProblem>> ListProductsAsync(int? pageSize, string? continuationToken, CatalogueStore catalogue, CancellationToken cancellationToken)
    {
        if (!LedgerProblems.TryPageSize(pageSize, out var size, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await catalogue.ListProductsAsync(size, NullIfEmpty(continuationToken), cancellationToken));
    }

    internal static async Task<Results<Ok<Location>, ValidationProblem>> PutLocationAsync(string id, LocationInput? input, CatalogueStore catalogue, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var location = ((input ?? new LocationInput()) with { Id = id }).Validate(errors);
        if (location is null)
        {
            return LedgerProblems.Invalid(errors);
        }

        await catalogue.UpsertLocationAsync(location, cancellationToken);
        return TypedResults.Ok(location);
    }

    internal static async Task<Ok<IReadOnlyList<Location>>> ListLocationsAsync(LocationDirectory locations, CancellationToken cancellationToken)
    {
        locations.Invalidate();
        var all = await locations.GetAllAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Location>>(all.Values.OrderBy(l => l.Id, StringComparer.Ordinal).ToList());
    }

    internal static async Task<Results<Ok<ChannelListing>, ValidationProblem, ProblemHttpResult>> PutListingAsync(
        ListingInput? input, CatalogueStore catalogue, LocationDirectory locations, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var listing = (input ?? new ListingInput()).Validate(errors);
        if (listing is null)
        {
            return LedgerProblems.Invalid(errors);
        }

        if (await catalogue.GetProductAsync(listing.Sku, cancellationToken) is null)
        {
            return LedgerProblems.NotFound($"SKU '{listing.Sku}' is not in the catalogue.", listing.Sku);
        }

        ListingInput.CheckLocations(listing, await locations.GetAllAsync(cancellationToken), errors);
        if (errors.Any)
        {
            return LedgerProblems.Invalid(errors);
        }

        await catalogue.UpsertListingAsync(listing, cancellationToken);
        return TypedResults.Ok(listing);
    }

    internal static async Task<Results<Ok<Page<ChannelListing>>, ValidationProblem>> ListListingsAsync(
        string? sku, int? pageSize, string? continuationToken, CatalogueStore catalogue, CancellationToken cancellationToken)
    {
        if (!LedgerProblems.TryPageSize(pageSize, out var size, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await catalogue.ListListingsAsync(NullIfEmpty(sku), size, NullIfEmpty(continuationToken), cancellationToken));
    }

    internal static async Task<Results<Ok<CatalogueMatch>, ValidationProblem, ProblemHttpResult>> MatchAsync(
        string? channel, string? account, string? channelItemId, string? sellerSku, string? gtin, string? asin, ListingMatcher matcher, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Required("channel", channel, 50);
        errors.Required("account", account, 100);
        if (errors.Any)
        {
            return LedgerProblems.Invalid(errors);
        }

        return await matcher.MatchAsync(new ChannelLine(channel!, account!, NullIfEmpty(channelItemId), NullIfEmpty(sellerSku), NullIfEmpty(gtin), NullIfEmpty(asin)), cancellationToken) is { } match
            ? TypedResults.Ok(match)
            : LedgerProblems.NotFound("No listing, GTIN, ASIN or seller SKU matches this line.");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
