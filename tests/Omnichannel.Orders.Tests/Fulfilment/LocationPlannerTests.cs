using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Fulfilment;

namespace Omnichannel.Orders.Tests.Fulfilment;

public sealed class LocationPlannerTests
{
    private static readonly Location WarehouseB = new("wh-b", "Warehouse B", LocationKind.Warehouse);
    private static readonly Location WarehouseA = new("wh-a", "Warehouse A", LocationKind.Warehouse);
    private static readonly Location Logistics = new("3pl", "3PL", LocationKind.ThirdPartyLogistics);
    private static readonly Location Store = new("store", "Store", LocationKind.Store);
    private static readonly Location ShopOnly = new("shop-only", "Store, counter only", LocationKind.Store, ShipsOnline: false, Pickup: true);
    private static readonly Location Dropship = new("drop", "Dropshipper", LocationKind.Dropship);
    private static readonly Location Fba = new("fba", "Amazon FBA", LocationKind.ChannelFulfilled, FulfilledChannel: "amazon");
    private static readonly Location Fba2 = new("fba-2", "Amazon FBA EU", LocationKind.ChannelFulfilled, FulfilledChannel: "amazon");
    private static readonly Location Wfs = new("wfs", "Walmart WFS", LocationKind.ChannelFulfilled, FulfilledChannel: "walmart");

    private static readonly Dictionary<string, Location> All = new[] { Dropship, Store, ShopOnly, Fba, Fba2, Wfs, Logistics, WarehouseB, WarehouseA }
        .ToDictionary(l => l.Id, StringComparer.Ordinal);

    [Fact]
    public void ShippingCandidates_NoPriority_ShipsOnlineNotChannelFulfilledWarehousesFirstThenById()
    {
        var candidates = LocationPlanner.ShippingCandidates(All, []);

        Assert.Equal(new[] { "wh-a", "wh-b", "3pl", "store", "drop" }, candidates.Select(l => l.Id));
    }

    [Fact]
    public void ShippingCandidates_KindWithoutARank_AfterTheRankedOnes()
    {
        var other = new Location("aaa", "Unranked", (LocationKind)42);
        var all = new Dictionary<string, Location>(All, StringComparer.Ordinal) { [other.Id] = other };

        var candidates = LocationPlanner.ShippingCandidates(all, []);

        Assert.Equal("aaa", candidates[^1].Id);
    }

    [Fact]
    public void ShippingCandidates_Priority_ThoseInThatOrderUnknownSkipped()
    {
        var candidates = LocationPlanner.ShippingCandidates(All, ["store", "moon", "wh-b"]);

        Assert.Equal(new[] { "store", "wh-b" }, candidates.Select(l => l.Id));
    }

    [Fact]
    public void ShippingCandidates_Priority_TakenAsConfiguredEvenIfNotShippingOnline()
    {
        var candidates = LocationPlanner.ShippingCandidates(All, ["shop-only", "fba"]);

        Assert.Equal(new[] { "shop-only", "fba" }, candidates.Select(l => l.Id));
    }

    [Fact]
    public void ShippingCandidates_PriorityOfOnlyUnknownIds_None()
    {
        Assert.Empty(LocationPlanner.ShippingCandidates(All, ["moon"]));
    }

    [Fact]
    public void ShippingCandidates_PriorityIdsCompareExactly()
    {
        Assert.Empty(LocationPlanner.ShippingCandidates(All, ["WH-A"]));
    }

    [Theory]
    [InlineData("amazon", "fba")]
    [InlineData("AMAZON", "fba")]
    [InlineData("walmart", "wfs")]
    [InlineData("ebay", null)]
    public void FulfilledBy_TheChannelsOwnLocationFirstById(string channel, string? expected)
    {
        Assert.Equal(expected, LocationPlanner.FulfilledBy(All, channel)?.Id);
    }

    [Fact]
    public void FulfilledBy_LocationNamingTheChannelButNotChannelFulfilled_NotIt()
    {
        var all = new Dictionary<string, Location>(StringComparer.Ordinal) { ["wh"] = new("wh", "Warehouse", LocationKind.Warehouse, FulfilledChannel: "amazon") };

        Assert.Null(LocationPlanner.FulfilledBy(all, "amazon"));
    }

    [Fact]
    public void Allocate_FirstCandidateHasAll_OneAllocationThere()
    {
        var (plan, missing) = LocationPlanner.Allocate([Line("L1", "A", 3)], [WarehouseA, WarehouseB], Stock(("A", "wh-a", 3), ("A", "wh-b", 10)));

        Assert.Empty(missing);
        Assert.Equal(new[] { ("L1", "wh-a", 3) }, Takes(plan));
    }

    [Fact]
    public void Allocate_OnlyALaterCandidateHasAll_WholeLineThereNotSplit()
    {
        var (plan, _) = LocationPlanner.Allocate([Line("L1", "A", 3)], [WarehouseA, WarehouseB], Stock(("A", "wh-a", 2), ("A", "wh-b", 3)));

        Assert.Equal(new[] { ("L1", "wh-b", 3) }, Takes(plan));
    }

    [Fact]
    public void Allocate_TwoCandidatesHaveAll_TheFirstInOrderWins()
    {
        var (plan, _) = LocationPlanner.Allocate([Line("L1", "A", 2)], [WarehouseB, WarehouseA], Stock(("A", "wh-a", 5), ("A", "wh-b", 5)));

        Assert.Equal(new[] { ("L1", "wh-b", 2) }, Takes(plan));
    }

    [Fact]
    public void Allocate_NoCandidateHasAll_SplitBestFirstSkippingEmpty()
    {
        var (plan, missing) = LocationPlanner.Allocate([Line("L1", "A", 5)], [WarehouseA, Logistics, Store], Stock(("A", "wh-a", 2), ("A", "store", 4)));

        Assert.Empty(missing);
        Assert.Equal(new[] { ("L1", "wh-a", 2), ("L1", "store", 3) }, Takes(plan));
    }

    [Fact]
    public void Allocate_ExactlyEnoughAcrossCandidates_AllTaken()
    {
        var available = Stock(("A", "wh-a", 2), ("A", "wh-b", 3));

        var (plan, missing) = LocationPlanner.Allocate([Line("L1", "A", 5)], [WarehouseA, WarehouseB], available);

        Assert.Empty(missing);
        Assert.Equal(5, plan.Sum(a => a.Quantity));
        Assert.Equal((0, 0), (available[("A", "wh-a")], available[("A", "wh-b")]));
    }

    [Fact]
    public void Allocate_OneShort_MissingNamesWantedAvailableAndWhereNeverClamped()
    {
        var (plan, missing) = LocationPlanner.Allocate([Line("L1", "A", 6)], [WarehouseA, WarehouseB], Stock(("A", "wh-a", 2), ("A", "wh-b", 3)));

        Assert.Empty(plan);
        Assert.Equal(new[] { "A: 6 wanted, 5 available at wh-a/wh-b" }, missing);
    }

    [Fact]
    public void Allocate_StockOutsideTheCandidates_NotCounted()
    {
        var (plan, missing) = LocationPlanner.Allocate([Line("L1", "A", 1)], [WarehouseA], Stock(("A", "fba", 50)));

        Assert.Empty(plan);
        Assert.Equal(new[] { "A: 1 wanted, 0 available at wh-a" }, missing);
    }

    [Fact]
    public void Allocate_NegativeAvailable_CountsAsNone()
    {
        var (plan, missing) = LocationPlanner.Allocate([Line("L1", "A", 2)], [WarehouseA, WarehouseB], Stock(("A", "wh-a", -4), ("A", "wh-b", 2)));

        Assert.Empty(missing);
        Assert.Equal(new[] { ("L1", "wh-b", 2) }, Takes(plan));
    }

    [Fact]
    public void Allocate_NoCandidates_EveryLineMissing()
    {
        var (plan, missing) = LocationPlanner.Allocate([Line("L1", "A", 1), Line("L2", "B", 1)], [], Stock(("A", "wh-a", 5)));

        Assert.Empty(plan);
        Assert.Equal(new[] { "A: 1 wanted, 0 available at ", "B: 1 wanted, 0 available at " }, missing);
    }

    [Fact]
    public void Allocate_TwoLinesOfOneSku_TheSecondSeesWhatTheFirstLeft()
    {
        var (plan, missing) = LocationPlanner.Allocate([Line("L1", "A", 3), Line("L2", "A", 3)], [WarehouseA, WarehouseB], Stock(("A", "wh-a", 4), ("A", "wh-b", 2)));

        Assert.Empty(missing);
        Assert.Equal(new[] { ("L1", "wh-a", 3), ("L2", "wh-a", 1), ("L2", "wh-b", 2) }, Takes(plan));
    }

    [Fact]
    public void Allocate_OneLineShort_OthersStillPlannedAndTheShortOneMissing()
    {
        var (plan, missing) = LocationPlanner.Allocate([Line("L1", "A", 1), Line("L2", "B", 2)], [WarehouseA], Stock(("A", "wh-a", 1), ("B", "wh-a", 1)));

        Assert.Equal(new[] { ("L1", "wh-a", 1) }, Takes(plan));
        Assert.Equal(new[] { "B: 2 wanted, 1 available at wh-a" }, missing);
    }

    [Fact]
    public void Allocate_ZeroQuantityLine_NothingPlannedNothingMissing()
    {
        var (plan, missing) = LocationPlanner.Allocate([Line("L1", "A", 0)], [WarehouseA], Stock());

        Assert.Empty(plan);
        Assert.Empty(missing);
    }

    [Fact]
    public void Allocate_Allocation_CarriesTheLinesPrices()
    {
        var line = new MatchedLine("L1", "A", 2, 9.90m, "sku", "EUR", 8.32m, 1.58m);

        var (plan, _) = LocationPlanner.Allocate([line], [WarehouseA], Stock(("A", "wh-a", 2)));

        Assert.Equal(new Allocation("L1", "A", "wh-a", 2, 9.90m, "EUR", 8.32m, 1.58m), Assert.Single(plan));
    }

    private static MatchedLine Line(string id, string sku, int quantity) => new(id, sku, quantity, 1m, "sku");

    private static Dictionary<(string Sku, string Location), int> Stock(params (string Sku, string Location, int Available)[] rows) =>
        rows.ToDictionary(r => (r.Sku, r.Location), r => r.Available);

    private static IEnumerable<(string Line, string Location, int Quantity)> Takes(IEnumerable<Allocation> plan) =>
        plan.Select(a => (a.ChannelLineId, a.Location, a.Quantity));
}
