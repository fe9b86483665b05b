using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels.Adapters.Shopify;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Tests.Support;
using Omnichannel.Testing;

namespace Omnichannel.Channels.Tests.Contracts.Shopify;

/// <summary>
/// Every GraphQL document and variables the Shopify adapter sends, validated against the Admin API schema of the
/// pinned version, and the fulfilment calls made on the order's own fulfillment orders (their line item ids).
/// </summary>
public sealed class ShopifyContractTests(ShopifySchemaFixture schema) : IClassFixture<ShopifySchemaFixture>
{
    private const string Fo1 = "gid://shopify/FulfillmentOrder/6000000000000000001";
    private const string Fo2 = "gid://shopify/FulfillmentOrder/6000000000000000002";

    // Order line items 10010 (2 units) and 10011 (1) are assigned to location 1, 10012 (1) to location 2.
    private static ShopifyFulfillmentOrdersFake TwoLocations() => new(
        new FakeFulfillmentOrder(Fo1, "gid://shopify/Location/1", [new("gid://shopify/FulfillmentOrderLineItem/101", "gid://shopify/LineItem/10010", 2), new("gid://shopify/FulfillmentOrderLineItem/102", "gid://shopify/LineItem/10011", 1)]),
        new FakeFulfillmentOrder(Fo2, "gid://shopify/Location/2", [new("gid://shopify/FulfillmentOrderLineItem/201", "gid://shopify/LineItem/10012", 1)]));

    private static ShipmentReport Parcel(params ShipmentLine[] lines) =>
        new("5000000000000000123", lines, "DHL", "00340434161234567890", new Uri("https://track.example/0034"), Deliveries.Now);

    [Fact]
    public async Task FulfillmentCreate_PartOfOneFulfillmentOrder_ItsFulfillmentOrderLineItemIdsAndUnits()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var shop = TwoLocations();
        fixture.Server.Handler = shop.Handle;

        var receipt = await fixture.Client("shopify").ReportShipmentAsync("main", Parcel(new ShipmentLine("10010", 1)), "k1", CancellationToken.None);

        await AssertConformsAsync(fixture);
        var byOrder = Assert.Single(Assert.Single(shop.Fulfillments).GetProperty("fulfillment").GetProperty("lineItemsByFulfillmentOrder").EnumerateArray());
        Assert.Equal(Fo1, byOrder.GetProperty("fulfillmentOrderId").GetString());
        var item = Assert.Single(byOrder.GetProperty("fulfillmentOrderLineItems").EnumerateArray());
        Assert.Equal(("gid://shopify/FulfillmentOrderLineItem/101", 1), (item.GetProperty("id").GetString(), item.GetProperty("quantity").GetInt32()));
        Assert.Equal("gid://shopify/Fulfillment/1", receipt.ChannelShipmentId);
        var read = fixture.Server.Requests.First().Json.GetProperty("variables").GetProperty("id").GetString();
        Assert.Equal("gid://shopify/Order/5000000000000000123", read);
    }

    [Fact]
    public async Task FulfillmentCreate_LinesOfTwoFulfillmentOrders_OneCallEachWithItsLineItems()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var shop = TwoLocations();
        fixture.Server.Handler = shop.Handle;

        var receipt = await fixture.Client("shopify").ReportShipmentAsync("main", Parcel(new ShipmentLine("10010", 2), new ShipmentLine("10011", 1), new ShipmentLine("10012", 1)), "k1", CancellationToken.None);

        await AssertConformsAsync(fixture);
        var sent = shop.Fulfillments.Select(f => Assert.Single(f.GetProperty("fulfillment").GetProperty("lineItemsByFulfillmentOrder").EnumerateArray())).ToList();
        Assert.Equal([Fo1, Fo2], sent.Select(s => s.GetProperty("fulfillmentOrderId").GetString()));
        Assert.Equal(
            ["gid://shopify/FulfillmentOrderLineItem/101:2", "gid://shopify/FulfillmentOrderLineItem/102:1", "gid://shopify/FulfillmentOrderLineItem/201:1"],
            sent.SelectMany(s => s.GetProperty("fulfillmentOrderLineItems").EnumerateArray()).Select(i => $"{i.GetProperty("id").GetString()}:{i.GetProperty("quantity").GetInt32()}"));
        Assert.Equal("gid://shopify/Fulfillment/1 gid://shopify/Fulfillment/2", receipt.ChannelShipmentId);
    }

    [Fact]
    public async Task FulfillmentCreate_EverythingOfTheOrder_EachOpenFulfillmentOrderWithoutLineItems()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var shop = TwoLocations();
        fixture.Server.Handler = shop.Handle;

        await fixture.Client("shopify").ReportShipmentAsync("main", Parcel(), "k1", CancellationToken.None);

        await AssertConformsAsync(fixture);
        var sent = shop.Fulfillments.Select(f => Assert.Single(f.GetProperty("fulfillment").GetProperty("lineItemsByFulfillmentOrder").EnumerateArray())).ToList();
        Assert.Equal([Fo1, Fo2], sent.Select(s => s.GetProperty("fulfillmentOrderId").GetString()));
        Assert.All(sent, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("fulfillmentOrderLineItems").ValueKind));
    }

    [Fact]
    public async Task FulfillmentCreate_RetriedAfterTheFirstFulfillmentOrderWasFulfilled_OnlyTheRest()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var shop = TwoLocations();
        fixture.Server.Handler = shop.Handle;
        var parcel = Parcel(new ShipmentLine("10010", 2), new ShipmentLine("10012", 1));
        await fixture.Client("shopify").ReportShipmentAsync("main", Parcel(new ShipmentLine("10010", 2)), "k0", CancellationToken.None);

        await fixture.Client("shopify").ReportShipmentAsync("main", parcel, "k1", CancellationToken.None);

        var last = Assert.Single(shop.Fulfillments[^1].GetProperty("fulfillment").GetProperty("lineItemsByFulfillmentOrder").EnumerateArray());
        Assert.Equal(Fo2, last.GetProperty("fulfillmentOrderId").GetString());
        Assert.Equal(2, shop.Fulfillments.Count);
    }

    [Fact]
    public async Task FulfillmentCreate_LineOnNoFulfillmentOrder_RefusedAndNothingSent()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var shop = TwoLocations();
        fixture.Server.Handler = shop.Handle;

        await Assert.ThrowsAsync<ChannelApiException>(() => fixture.Client("shopify").ReportShipmentAsync("main", Parcel(new ShipmentLine("99999", 1)), "k1", CancellationToken.None));

        Assert.Empty(shop.Fulfillments);
    }

    [Fact]
    public async Task FulfillmentOrderLineItemsPreparedForPickup_DocumentAndVariables_ConformToTheSchema()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var shop = TwoLocations();
        fixture.Server.Handler = shop.Handle;
        var calls = new OptionalChannelCalls(
            fixture.Services.GetRequiredService<ChannelAccounts>(), [new ShopifyPickupApi()], [], fixture.Services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System);

        Assert.True(await calls.TryReportReadyForPickupAsync("shopify", "main", new PickupReport("5000000000000000123", [new ShipmentLine("10012", 1)]), CancellationToken.None));

        await AssertConformsAsync(fixture);
        var byOrder = Assert.Single(Assert.Single(shop.PreparedForPickup).GetProperty("input").GetProperty("lineItemsByFulfillmentOrder").EnumerateArray());
        Assert.Equal(Fo2, byOrder.GetProperty("fulfillmentOrderId").GetString());
    }

    [Fact]
    public async Task InventorySetQuantities_DocumentAndVariables_ConformToTheSchema()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = """{"data":{"inventorySetQuantities":{"userErrors":[]}}}""";

        await fixture.Client("shopify").SetAvailableQuantityAsync("main", new ListingQuantity("S", 3, "gid://shopify/InventoryItem/1", LocationId: "gid://shopify/Location/2"), CancellationToken.None);
        await Outbound.ChannelStockReadTests.Stock(fixture, "shopify").SetAvailableQuantitiesAsync("main", [new ListingQuantity("S", 3, "gid://shopify/InventoryItem/1", LocationId: "gid://shopify/Location/2"), new ListingQuantity("T", 0, "gid://shopify/InventoryItem/9007199254740993", LocationId: "gid://shopify/Location/2")], CancellationToken.None);

        await AssertConformsAsync(fixture);
        Assert.Equal(2, fixture.Server.Requests.Count);
    }

    [Fact]
    public async Task InventoryLevel_Query_ConformsToTheSchema()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = """{"data":{"inventoryItem":{"inventoryLevel":{"quantities":[{"name":"available","quantity":4}]}}}}""";

        var available = await Outbound.ChannelStockReadTests.Stock(fixture, "shopify").GetAvailableQuantityAsync("main", new ListingIds("S", "gid://shopify/InventoryItem/1", LocationId: "gid://shopify/Location/2"), CancellationToken.None);

        Assert.Equal(4, available);
        await AssertConformsAsync(fixture);
    }

    [Fact]
    public async Task Validator_OrderLineItemIdAsFulfillmentOrderField_Refused()
    {
        // The checker itself can fail: a field the schema lacks, and an input field of the wrong type.
        using var wrongField = JsonDocument.Parse("""{"query":"query q($id: ID!) { order(id: $id) { fulfillmentOrders(first: 5) { nodes { lineItemId } } } }","variables":{"id":"gid://shopify/Order/1"}}""");
        using var wrongType = JsonDocument.Parse("""{"query":"mutation m($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { userErrors { message } } }","variables":{"f":{"lineItemsByFulfillmentOrder":[{"fulfillmentOrderId":"gid://shopify/FulfillmentOrder/1","fulfillmentOrderLineItems":[{"id":"gid://shopify/LineItem/1","quantity":"one"}]}]}}}""");

        Assert.NotEmpty(await schema.Schema.ValidateAsync(wrongField.RootElement));
        Assert.NotEmpty(await schema.Schema.ValidateAsync(wrongType.RootElement));
    }

    private async Task AssertConformsAsync(OutboundFixture fixture)
    {
        Assert.NotEmpty(fixture.Server.Requests);
        foreach (var request in fixture.Server.Requests)
        {
            Assert.Equal(("POST", $"/admin/api/{ShopifyApi.DefaultApiVersion}/graphql.json"), (request.Method, request.PathAndQuery));
            Assert.Equal("token-shopify", request.Headers["X-Shopify-Access-Token"]);
            var errors = await schema.Schema.ValidateAsync(request.Json);
            Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + request.Body);
        }
    }
}
