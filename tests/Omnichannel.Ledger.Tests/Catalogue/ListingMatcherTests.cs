using Omnichannel.Ledger.Catalogue;

namespace Omnichannel.Ledger.Tests.Catalogue;

public sealed class ListingMatcherTests
{
    [Fact]
    public async Task MatchAsync_EachIdentifier_MatchesInOrder()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.Catalogue.UpsertProductAsync(new Product("TSHIRT-RED-M", "T-shirt", Gtin: "036000291452", Asin: "B000123456"), default);
        await h.Catalogue.UpsertProductAsync(new Product("MUG-1", "Mug"), default);
        await h.Catalogue.UpsertListingAsync(new ChannelListing("ebay", "shop-1", "v-99", "mug_one", "MUG-1", new StockRule()), default);

        var byListing = await h.Matcher.MatchAsync(new ChannelLine("eBay", "shop-1", "v-99", Gtin: "036000291452"), default);
        var byEan = await h.Matcher.MatchAsync(new ChannelLine("amazon", "de", "x", Gtin: "0036000291452"), default);
        var byAsin = await h.Matcher.MatchAsync(new ChannelLine("amazon", "de", Asin: "b000123456"), default);
        var bySellerSku = await h.Matcher.MatchAsync(new ChannelLine("etsy", "a", SellerSku: "tshirt red m"), default);
        var byListingSellerSku = await h.Matcher.MatchAsync(new ChannelLine("etsy", "a", SellerSku: "MUG-ONE"), default);
        var none = await h.Matcher.MatchAsync(new ChannelLine("etsy", "a", "nope", "nope", "4006381333931"), default);

        Assert.Equal(("MUG-1", MatchedBy.Listing), (byListing!.Sku, byListing.MatchedBy));
        Assert.Equal(("TSHIRT-RED-M", MatchedBy.Gtin), (byEan!.Sku, byEan.MatchedBy));
        Assert.Equal(("TSHIRT-RED-M", MatchedBy.Asin), (byAsin!.Sku, byAsin.MatchedBy));
        Assert.Equal(("TSHIRT-RED-M", MatchedBy.SellerSku), (bySellerSku!.Sku, bySellerSku.MatchedBy));
        Assert.Equal(("MUG-1", MatchedBy.SellerSku), (byListingSellerSku!.Sku, byListingSellerSku.MatchedBy));
        Assert.Null(none);
    }

    [Fact]
    public async Task MatchAsync_GtinRemovedFromProduct_NoLongerMatches()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.Catalogue.UpsertProductAsync(new Product("P1", "P", Gtin: "4006381333931"), default);
        await h.Catalogue.UpsertProductAsync(new Product("P1", "P"), default);

        Assert.Null(await h.Matcher.MatchAsync(new ChannelLine("ebay", "a", Gtin: "4006381333931"), default));
    }

    [Theory]
    [InlineData("036000291452", "00036000291452")]
    [InlineData("4006381333931", "04006381333931")]
    [InlineData("96385074", "00000096385074")]
    [InlineData("4006381333932", null)]
    [InlineData("abc", null)]
    public void NormalizeGtin_Values_PadOrRefuse(string value, string? expected)
    {
        Assert.Equal(expected, Identifiers.NormalizeGtin(value));
    }
}
