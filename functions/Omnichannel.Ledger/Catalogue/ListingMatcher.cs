namespace Omnichannel.Ledger.Catalogue;

/// <summary>An ordered line as a channel describes it; any identifier may be missing.</summary>
public sealed record ChannelLine(string Channel, string Account, string? ChannelItemId = null, string? SellerSku = null, string? Gtin = null, string? Asin = null);

/// <summary>Which identifier matched.</summary>
public enum MatchedBy
{
    Listing,
    Gtin,
    Asin,
    SellerSku,
}

/// <summary>The catalogue SKU a channel line is for, how it was found, and its listing when one exists.</summary>
public sealed record CatalogueMatch(string Sku, MatchedBy MatchedBy, ChannelListing? Listing);

/// <summary>
/// Matches a channel line to the catalogue, for the order flow: by listing (channel, account, item id), then
/// GTIN/EAN/UPC, then ASIN, then normalised seller SKU (listings' seller SKUs and catalogue SKUs). Index hits
/// are checked against the product, so an identifier a product no longer carries does not match.
/// </summary>
public sealed class ListingMatcher(CatalogueStore catalogue)
{
    public async Task<CatalogueMatch?> MatchAsync(ChannelLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!string.IsNullOrWhiteSpace(line.ChannelItemId) &&
            await catalogue.GetListingAsync(line.Channel.ToLowerInvariant(), line.Account, line.ChannelItemId, cancellationToken) is { } listing)
        {
            return new CatalogueMatch(listing.Sku, MatchedBy.Listing, listing);
        }

        if (Identifiers.NormalizeGtin(line.Gtin) is { } gtin &&
            await VerifiedAsync(CatalogueStore.GtinIndex, gtin, p => Identifiers.NormalizeGtin(p.Gtin) == gtin, cancellationToken) is { } byGtin)
        {
            return new CatalogueMatch(byGtin, MatchedBy.Gtin, null);
        }

        if (Identifiers.NormalizeAsin(line.Asin) is { } asin &&
            await VerifiedAsync(CatalogueStore.AsinIndex, asin, p => Identifiers.NormalizeAsin(p.Asin) == asin, cancellationToken) is { } byAsin)
        {
            return new CatalogueMatch(byAsin, MatchedBy.Asin, null);
        }

        if (!string.IsNullOrWhiteSpace(line.SellerSku) &&
            await VerifiedAsync(CatalogueStore.SellerSkuIndex, Identifiers.NormalizeSellerSku(line.SellerSku), _ => true, cancellationToken) is { } bySellerSku)
        {
            return new CatalogueMatch(bySellerSku, MatchedBy.SellerSku, null);
        }

        return null;
    }

    private async Task<string?> VerifiedAsync(string index, string normalized, Func<Product, bool> stillCarries, CancellationToken cancellationToken)
    {
        var sku = await catalogue.FindIndexedAsync(index, normalized, cancellationToken);
        if (sku is null)
        {
            return null;
        }

        var product = await catalogue.GetProductAsync(sku, cancellationToken);
        return product is not null && stillCarries(product) ? sku : null;
    }
}
