using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Contracts.Ebay;

/// <summary>The eBay adapter's calls against the Sell Fulfillment API v1 spec.</summary>
public sealed class EbayContractTests
{
    [Fact]
    public async Task CreateShippingFulfillment_Request_ConformsToSellFulfillmentV1()
    {
        var fulfillment = OpenApiContract.Load(ContractSpecs.PathOf("ebay", "sell_fulfillment_v1_oas3.json"));
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = string.Empty;
        var shipment = new ShipmentReport("27-12345-67890", [new ShipmentLine("10045678901234", 1)], "USPS", "9400111899223197428490", null, Deliveries.Now);

        await fixture.Client("ebay").ReportShipmentAsync("main", shipment, "k1", CancellationToken.None);

        var sent = fixture.Single();
        var errors = fulfillment.CheckRequest("createShippingFulfillment", sent.Method, sent.PathAndQuery, sent.Headers, sent.Body);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + sent.Body);
    }

    [Fact]
    public async Task BulkUpdatePriceQuantity_Request_ConformsToSellInventoryV1()
    {
        var inventory = OpenApiContract.Load(ContractSpecs.PathOf("ebay", "sell_inventory_v1_oas3.json"));
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = """{"responses":[{"offerId":"OFF-1","sku":"SKU-1","statusCode":200}]}""";

        await fixture.Client("ebay").SetAvailableQuantityAsync("main", new ListingQuantity("SKU-1", 9, OfferId: "OFF-1"), CancellationToken.None);

        var sent = fixture.Single();
        var errors = inventory.CheckRequest("bulkUpdatePriceQuantity", sent.Method, sent.PathAndQuery, sent.Headers, sent.Body);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + sent.Body);
        Assert.Empty(inventory.CheckResponse("bulkUpdatePriceQuantity", 200, fixture.Server.DefaultBody));
    }
}
