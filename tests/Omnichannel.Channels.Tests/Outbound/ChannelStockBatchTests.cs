using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Tests.Support;
using Omnichannel.Testing;

namespace Omnichannel.Channels.Tests.Outbound;

/// <summary>Batched stock calls: one request for many listings within the channel's limit, results per listing.</summary>
public sealed class ChannelStockBatchTests
{
    private const string ShopifyOk = """{"data":{"inventorySetQuantities":{"userErrors":[]}}}""";

    [Fact]
    public async Task Shopify_SetQuantities_OneMutationWithEveryQuantity()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = ShopifyOk;

        var results = await Stock(fixture, "shopify").SetAvailableQuantitiesAsync("main", ShopifyListings(3), CancellationToken.None);

        Assert.All(results, Assert.Null);
        var input = fixture.Single().Json.GetProperty("variables").GetProperty("input");
        Assert.Equal(("available", true), (input.GetProperty("name").GetString(), input.GetProperty("ignoreCompareQuantity").GetBoolean()));
        Assert.Equal([10, 11, 12], input.GetProperty("quantities").EnumerateArray().Select(q => q.GetProperty("quantity").GetInt32()));
        Assert.Equal("gid://shopify/InventoryItem/2", input.GetProperty("quantities")[2].GetProperty("inventoryItemId").GetString());
    }

    [Fact]
    public async Task Shopify_UserErrorNamesOneQuantity_FailsItAndResendsTheOthers()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Then(200, """{"data":{"inventorySetQuantities":{"userErrors":[{"field":["input","quantities","1","locationId"],"message":"The specified inventory item is not stocked at the location."}]}}}""");
        fixture.Server.DefaultBody = ShopifyOk;

        var results = await Stock(fixture, "shopify").SetAvailableQuantitiesAsync("main", ShopifyListings(3), CancellationToken.None);

        Assert.Null(results[0]);
        Assert.Contains("not stocked", results[1]!.Message, StringComparison.Ordinal);
        Assert.Null(results[2]);
        var resent = fixture.Server.Requests.ToArray()[1].Json.GetProperty("variables").GetProperty("input").GetProperty("quantities");
        Assert.Equal([10, 12], resent.EnumerateArray().Select(q => q.GetProperty("quantity").GetInt32()));
    }

    [Fact]
    public async Task Ebay_PartialStatuses_FailOnlyTheRefusedListing()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Then(207, """
            {"responses":[
              {"statusCode":200,"sku":"E0","offerId":"O0"},
              {"statusCode":400,"sku":"E1","offerId":"O1","errors":[{"errorId":25001,"message":"Offer not published"}]},
              {"statusCode":200,"sku":"E2","offerId":"O2"}]}
            """);
        var listings = Enumerable.Range(0, 3).Select(i => new ListingQuantity($"E{i}", 5 + i, OfferId: $"O{i}")).ToList();

        var results = await Stock(fixture, "ebay").SetAvailableQuantitiesAsync("main", listings, CancellationToken.None);

        Assert.Null(results[0]);
        Assert.Equal(400, results[1]!.Status);
        Assert.Contains("Offer not published", results[1]!.Message, StringComparison.Ordinal);
        Assert.Null(results[2]);
        var request = fixture.Single();
        Assert.Equal("/sell/inventory/v1/bulk_update_price_quantity", request.PathAndQuery);
        var item = request.Json.GetProperty("requests")[1];
        Assert.Equal(("E1", 6, "O1", 6), (item.GetProperty("sku").GetString(), item.GetProperty("shipToLocationAvailability").GetProperty("quantity").GetInt32(), item.GetProperty("offers")[0].GetProperty("offerId").GetString(), item.GetProperty("offers")[0].GetProperty("availableQuantity").GetInt32()));
    }

    [Fact]
    public async Task Ebay_WholeCallRefused_FailsEveryListing()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Then(400, """{"errors":[{"message":"bad request"}]}""");

        var results = await Stock(fixture, "ebay").SetAvailableQuantitiesAsync("main", [new ListingQuantity("A", 1), new ListingQuantity("B", 2)], CancellationToken.None);

        Assert.All(results, r => Assert.Equal(400, r!.Status));
    }

    [Theory]
    [InlineData("ebay", null, 60, new[] { 25, 25, 10 })]
    [InlineData("shopify", "2", 5, new[] { 2, 2, 1 })]
    [InlineData("walmart", null, 3, new[] { 1, 1, 1 })]
    public async Task SetQuantities_MoreThanOneCallCarries_SplitsWithinTheLimit(string channel, string? batchSize, int count, int[] expected)
    {
        await using var fixture = await OutboundFixture.CreateAsync(batchSize is null ? null : new() { [$"Channels:{channel}:main:StockBatchSize"] = batchSize });
        fixture.Server.Handler = r => channel == "ebay"
            ? (200, $$"""{"responses":[{{string.Join(',', r.Json.GetProperty("requests").EnumerateArray().Select(i => $$"""{"statusCode":200,"sku":"{{i.GetProperty("sku").GetString()}}"}"""))}}]}""")
            : (200, ShopifyOk);
        var listings = channel == "shopify" ? ShopifyListings(count) : Enumerable.Range(0, count).Select(i => new ListingQuantity($"S{i}", i)).ToList();

        var results = await Stock(fixture, channel).SetAvailableQuantitiesAsync("main", listings, CancellationToken.None);

        Assert.All(results, Assert.Null);
        Assert.Equal(expected.Max(), Stock(fixture, channel).MaxQuantitiesPerCall("main"));
        Assert.Equal(expected, fixture.Server.Requests.Select(r => Size(channel, r)));
    }

    [Fact]
    public async Task Allegro_SetQuantities_OneCommandPerFigureNamingEveryOfferThatSharesIt()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        // The first command is accepted, the second keeps failing (through every retry).
        fixture.Server.Then(201);
        fixture.Server.Handler = _ => (503, """{"errors":[{"message":"down"}]}""");
        var listings = new[] { new ListingQuantity("A", 5, "OF-A"), new ListingQuantity("B", 7, "OF-B"), new ListingQuantity("C", 5, "OF-C") };

        var results = await Stock(fixture, "allegro").SetAvailableQuantitiesAsync("main", listings, CancellationToken.None);

        var first = fixture.Server.Requests.First().Json;
        Assert.Equal(5, first.GetProperty("modification").GetProperty("value").GetInt32());
        Assert.Equal(["OF-A", "OF-C"], first.GetProperty("offerCriteria")[0].GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        Assert.Equal((true, false, true), (results[0] is null, results[1] is null, results[2] is null));
    }

    private static int Size(string channel, RecordedRequest request) => channel switch
    {
        "ebay" => request.Json.GetProperty("requests").GetArrayLength(),
        "shopify" => request.Json.GetProperty("variables").GetProperty("input").GetProperty("quantities").GetArrayLength(),
        _ => 1,
    };

    private static List<ListingQuantity> ShopifyListings(int count) =>
        Enumerable.Range(0, count).Select(i => new ListingQuantity($"S{i}", 10 + i, $"gid://shopify/InventoryItem/{i}", LocationId: "gid://shopify/Location/1")).ToList();

    private static IChannelStockClient Stock(OutboundFixture fixture, string channel) => ChannelStockReadTests.Stock(fixture, channel);
}
