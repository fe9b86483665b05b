using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Tests.Stock;

public sealed class AvailableToSellTests
{
    private static readonly Location Store = new("store", "Store", LocationKind.Store, ShipsOnline: false, Pickup: true);
    private static readonly Location Warehouse = new("wh", "Warehouse", LocationKind.Warehouse);
    private static readonly Location Fba = new("fba", "Amazon FBA", LocationKind.ChannelFulfilled, FulfilledChannel: "amazon");

    private static readonly Dictionary<string, Location> Locations = new(StringComparer.Ordinal)
    {
        [Store.Id] = Store,
        [Warehouse.Id] = Warehouse,
        [Fba.Id] = Fba,
    };

    // The example of StockReaderTests.GetAsync_ListingRules_ApplyLocationsShareAndBuffer, without storage.
    private static readonly LocationBalance[] Example =
    [
        Balance("fba", 200),
        Balance("store", 200),
        Balance("wh", 300, reserved: 20),
    ];

    [Theory]
    [InlineData("amazon", 0, 100, null, 480)]
    [InlineData("ebay", 0, 100, null, 280)]
    [InlineData("ebay", 10, 50, null, 130)]
    [InlineData("shopify", 0, 100, "store,wh", 480)]
    [InlineData("shopify", 0, 100, "fba", 0)]
    public void For_ExampleStock_ApplyLocationsShareAndBuffer(string channel, int buffer, int share, string? allowed, int expected)
    {
        var ats = AvailableToSell.For(Listing(channel, new StockRule(buffer, share, allowed?.Split(','))), Example, Locations, consolidatedAvailable: 680);

        Assert.Equal(expected, ats.AvailableToSell);
    }

    [Fact]
    public void For_DefaultRule_SellsFromLocationsThatShipOnlineAndTheChannelsOwn()
    {
        var amazon = AvailableToSell.For(Listing("amazon"), Example, Locations, consolidatedAvailable: 680);
        var ebay = AvailableToSell.For(Listing("ebay"), Example, Locations, consolidatedAvailable: 680);

        Assert.Equal(new[] { "fba", "wh" }, amazon.FromLocations.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "wh" }, ebay.FromLocations);
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
    public void For_ConsolidatedAboveThePool_ThePoolCounts()
    {
        var ats = AvailableToSell.For(Listing("ebay"), [Balance("wh", 10)], Locations, consolidatedAvailable: 1_000);

        Assert.Equal(10, ats.AvailableToSell);
    }

    [Theory]
    [InlineData(100, 10, 10)]
    [InlineData(150, 10, 10)]
    [InlineData(50, 7, 3)]
    [InlineData(99, 7, 6)]
    [InlineData(1, 7, 0)]
    [InlineData(0, 7, 0)]
    [InlineData(-20, 7, 0)]
    public void For_SharePercent_ClampedTo0To100AndRoundedDown(int share, int pool, int expected)
    {
        var ats = AvailableToSell.For(Listing("ebay", new StockRule(SharePercent: share)), [Balance("wh", pool)], Locations, consolidatedAvailable: 1_000);

        Assert.Equal(expected, ats.AvailableToSell);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(9, 1)]
    [InlineData(10, 0)]
    [InlineData(11, 0)]
    [InlineData(1_000_000, 0)]
    public void For_Buffer_SubtractedNeverBelowZero(int buffer, int expected)
    {
        var ats = AvailableToSell.For(Listing("ebay", new StockRule(BufferUnits: buffer)), [Balance("wh", 10)], Locations, consolidatedAvailable: 10);

        Assert.Equal(expected, ats.AvailableToSell);
    }

    [Fact]
    public void For_BufferAfterShare_ShareTakenFirst()
    {
        // 50 % of 10 is 5, minus 2 is 3 (buffer first would give 4).
        var ats = AvailableToSell.For(Listing("ebay", new StockRule(BufferUnits: 2, SharePercent: 50)), [Balance("wh", 10)], Locations, consolidatedAvailable: 10);

        Assert.Equal(3, ats.AvailableToSell);
    }

    [Fact]
    public void For_NothingAvailable_Zero()
    {
        var ats = AvailableToSell.For(Listing("ebay"), [Balance("wh", 3, reserved: 5)], Locations, consolidatedAvailable: 0);

        Assert.Equal(0, ats.AvailableToSell);
        Assert.Equal(new[] { "wh" }, ats.FromLocations);
    }

    [Fact]
    public void For_BalanceAtALocationNotInTheDirectory_LeftOut()
    {
        var ats = AvailableToSell.For(Listing("ebay"), [Balance("wh", 10), Balance("gone", 50)], Locations, consolidatedAvailable: 60);

        Assert.Equal(10, ats.AvailableToSell);
        Assert.Equal(new[] { "wh" }, ats.FromLocations);
    }

    [Fact]
    public void For_Listing_CarriesItsIdentity()
    {
        var listing = new ChannelListing("ebay", "main", "E-9", "SELLER-9", "SKU-1", new StockRule());

        var ats = AvailableToSell.For(listing, [Balance("wh", 1)], Locations, consolidatedAvailable: 1);

        Assert.Equal(new ChannelAvailability("ebay", "main", "E-9", "SELLER-9", 1, ats.FromLocations), ats);
    }

    [Theory]
    [InlineData(LocationKind.Warehouse, true, null, "ebay", true)]
    [InlineData(LocationKind.ThirdPartyLogistics, true, null, "ebay", true)]
    [InlineData(LocationKind.Dropship, true, null, "ebay", true)]
    [InlineData(LocationKind.Store, true, null, "ebay", true)]
    [InlineData(LocationKind.Store, false, null, "ebay", false)]
    [InlineData(LocationKind.Warehouse, false, null, "ebay", false)]
    [InlineData(LocationKind.ChannelFulfilled, true, "amazon", "amazon", true)]
    [InlineData(LocationKind.ChannelFulfilled, false, "amazon", "amazon", true)]
    [InlineData(LocationKind.ChannelFulfilled, true, "Amazon", "amazon", true)]
    [InlineData(LocationKind.ChannelFulfilled, true, "amazon", "ebay", false)]
    [InlineData(LocationKind.ChannelFulfilled, true, null, "ebay", false)]
    public void MaySellFrom_DefaultRule_ShipsOnlineOrTheChannelsOwn(LocationKind kind, bool shipsOnline, string? fulfilledChannel, string channel, bool expected)
    {
        var location = new Location("x", "X", kind, shipsOnline, FulfilledChannel: fulfilledChannel);

        Assert.Equal(expected, AvailableToSell.MaySellFrom(Listing(channel), location));
    }

    [Fact]
    public void MaySellFrom_EmptyAllowedList_SameAsNone()
    {
        var listing = Listing("ebay", new StockRule(AllowedLocations: []));

        Assert.True(AvailableToSell.MaySellFrom(listing, Warehouse));
        Assert.False(AvailableToSell.MaySellFrom(listing, Store));
    }

    [Fact]
    public void MaySellFrom_AllowedList_OnlyThoseEvenIfTheyDoNotShipOnline()
    {
        var listing = Listing("shopify", new StockRule(AllowedLocations: ["store"]));

        Assert.True(AvailableToSell.MaySellFrom(listing, Store));
        Assert.False(AvailableToSell.MaySellFrom(listing, Warehouse));
    }

    [Fact]
    public void MaySellFrom_AllowedList_IdsCompareExactly()
    {
        var listing = Listing("ebay", new StockRule(AllowedLocations: ["WH"]));

        Assert.False(AvailableToSell.MaySellFrom(listing, Warehouse));
    }

    [Fact]
    public void MaySellFrom_ChannelFulfilledForAnotherChannel_NeverEvenWhenListed()
    {
        var listing = Listing("shopify", new StockRule(AllowedLocations: ["fba", "wh"]));

        Assert.False(AvailableToSell.MaySellFrom(listing, Fba));
        Assert.True(AvailableToSell.MaySellFrom(Listing("amazon", new StockRule(AllowedLocations: ["fba"])), Fba));
    }

    private static ChannelListing Listing(string channel, StockRule? rule = null) =>
        new(channel, "acc", channel[..1].ToUpperInvariant() + "-1", null, "SKU-1", rule ?? new StockRule());

    private static LocationBalance Balance(string location, int onHand, int reserved = 0) =>
        new BalanceState(OnHand: onHand, Reserved: reserved).ToBalance(location);
}
