using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Tests.Stock;

public sealed class AvailableToSellTests
{
    [Fact]
    public async Task GetAsync_ListingRules_ApplyLocationsShareAndBuffer()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "store", 200);
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 300);
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "fba", 200);
        await h.RecordAsync("SKU-1", MovementKind.Reserve, "wh", 20);
        await Listing(h, "amazon", "A-1", new StockRule());
        await Listing(h, "ebay", "E-1", new StockRule());
        await Listing(h, "ebay", "E-2", new StockRule(BufferUnits: 10, SharePercent: 50));
        await Listing(h, "shopify", "S-1", new StockRule(AllowedLocations: ["store", "wh"]));
        await Listing(h, "shopify", "S-2", new StockRule(AllowedLocations: ["fba"]));

        var stock = await h.StockAsync("SKU-1");

        Assert.Equal(680, stock.Available);
        var ats = stock.Channels.ToDictionary(c => c.ChannelItemId, c => c.AvailableToSell);
        Assert.Equal(480, ats["A-1"]);
        Assert.Equal(280, ats["E-1"]);
        Assert.Equal(130, ats["E-2"]);
        Assert.Equal(480, ats["S-1"]);
        Assert.Equal(0, ats["S-2"]);
        Assert.Equal(new[] { "fba", "wh" }, stock.Channels.Single(c => c.ChannelItemId == "A-1").FromLocations.Order());
    }

    [Fact]
    public void For_SafetyStockBelowPool_CapsAtConsolidatedAvailable()
    {
        var listing = new ChannelListing("ebay", "acc", "E-1", null, "SKU-1", new StockRule(BufferUnits: 2));
        var locations = new Dictionary<string, Location> { ["wh"] = new("wh", "Warehouse", LocationKind.Warehouse) };

        var ats = AvailableToSell.For(listing, [new LocationBalance("wh", 10, 0, 0, 0, 0, 10)], locations, consolidatedAvailable: 6);

        Assert.Equal(4, ats.AvailableToSell);
    }

    [Fact]
    public async Task UpsertListingAsync_ListingMovedToAnotherSku_LeavesTheOldSku()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");
        await h.AddProductAsync("SKU-2");
        await Listing(h, "ebay", "E-1", new StockRule(), "SKU-1");

        await Listing(h, "ebay", "E-1", new StockRule(), "SKU-2");

        Assert.Empty((await h.StockAsync("SKU-1")).Channels);
        Assert.Single((await h.StockAsync("SKU-2")).Channels);
        Assert.Single((await h.Catalogue.ListListingsAsync(null, 100, null, default)).Items);
    }

    private static Task Listing(LedgerHarness h, string channel, string item, StockRule rule, string sku = "SKU-1") =>
        h.Catalogue.UpsertListingAsync(new ChannelListing(channel, "acc", item, null, sku, rule), default);
}
