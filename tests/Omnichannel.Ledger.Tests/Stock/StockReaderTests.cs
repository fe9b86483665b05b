using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Tests.Stock;

/// <summary>The consolidated read from storage: the stored balances, listings and locations fed to the rules (see <see cref="AvailableToSellTests"/>).</summary>
public sealed class StockReaderTests
{
    [Fact]
    public async Task GetAsync_StoreWarehouseAndFba_ConsolidatesTo700()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");

        await h.RecordAsync("SKU-1", MovementKind.Receipt, "store", 200);
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 300);
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "fba", 200);

        var stock = await h.StockAsync("SKU-1");
        Assert.Equal(700, stock.OnHand);
        Assert.Equal(700, stock.Available);
        Assert.Equal(new[] { ("fba", 200), ("store", 200), ("wh", 300) }, stock.Locations.Select(l => (l.Location, l.OnHand)));
        Assert.Equal(3, stock.Sequence);
    }

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

    private static Task Listing(LedgerHarness h, string channel, string item, StockRule rule) =>
        h.Catalogue.UpsertListingAsync(new ChannelListing(channel, "acc", item, null, "SKU-1", rule), default);
}
