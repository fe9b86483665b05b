using Omnichannel.Ledger.Catalogue;

namespace Omnichannel.Ledger.Tests.Catalogue;

public sealed class CatalogueStoreTests
{
    [Fact]
    public async Task UpsertListingAsync_ListingMovedToAnotherSku_LeavesTheOldSku()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");
        await h.AddProductAsync("SKU-2");
        await Listing(h, "SKU-1");

        await Listing(h, "SKU-2");

        Assert.Empty((await h.StockAsync("SKU-1")).Channels);
        Assert.Single((await h.StockAsync("SKU-2")).Channels);
        Assert.Single((await h.Catalogue.ListListingsAsync(null, 100, null, default)).Items);
    }

    private static Task Listing(LedgerHarness h, string sku) =>
        h.Catalogue.UpsertListingAsync(new ChannelListing("ebay", "acc", "E-1", null, sku, new StockRule()), default);
}
