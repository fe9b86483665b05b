using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Contracts.Etsy;

/// <summary>The Etsy adapter's calls against Etsy's Open API v3 document (the vendored MIT copy).</summary>
public sealed class EtsyContractTests
{
    private const string Inventory = """
        {"products":[
          {"product_id":1,"sku":"MUG-RED","is_deleted":false,"property_values":[],"offerings":[{"offering_id":11,"quantity":3,"is_enabled":true,"is_deleted":false,"price":{"amount":1250,"divisor":100,"currency_code":"EUR"}}]},
          {"product_id":2,"sku":"MUG-BLUE","is_deleted":false,"property_values":[],"offerings":[{"offering_id":12,"quantity":8,"is_enabled":true,"is_deleted":false,"readiness_state_id":1234567,"price":{"amount":1250,"divisor":100,"currency_code":"EUR"}}]}],
         "price_on_property":[],"quantity_on_property":[],"sku_on_property":[]}
        """;

    [Fact]
    public async Task UpdateListingInventory_ReadThenWrite_ConformToOpenApiV3()
    {
        var etsy = OpenApiContract.Load(ContractSpecs.PathOf("etsy", "baseline.json"));
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Then(200, Inventory);

        await fixture.Client("etsy").SetAvailableQuantityAsync("main", new ListingQuantity("MUG-BLUE", 5, "777"), CancellationToken.None);

        var requests = fixture.Server.Requests.ToArray();
        var errors = etsy.CheckRequest("getListingInventory", requests[0].Method, requests[0].PathAndQuery, requests[0].Headers, requests[0].Body)
            .Concat(etsy.CheckResponse("getListingInventory", 200, Inventory))
            .Concat(etsy.CheckRequest("updateListingInventory", requests[1].Method, requests[1].PathAndQuery, requests[1].Headers, requests[1].Body)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + requests[1].Body);
        var offerings = requests[1].Json.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("offerings")[0].GetProperty("readiness_state_id")).ToList();
        Assert.Equal((System.Text.Json.JsonValueKind.Null, 1234567L), (offerings[0].ValueKind, offerings[1].GetInt64()));
    }

    [Fact]
    public async Task CreateReceiptShipment_Request_ConformsToOpenApiV3()
    {
        var etsy = OpenApiContract.Load(ContractSpecs.PathOf("etsy", "baseline.json"));
        await using var fixture = await OutboundFixture.CreateAsync();
        var shipment = new ShipmentReport("3001234567", [new ShipmentLine("1", 1)], "DHL", "00340434161234567890", null, Deliveries.Now);

        await fixture.Client("etsy").ReportShipmentAsync("main", shipment, "k1", CancellationToken.None);

        var sent = fixture.Single();
        var errors = etsy.CheckRequest("createReceiptShipment", sent.Method, sent.PathAndQuery, sent.Headers, sent.Body);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + sent.Headers["Content-Type"] + " " + sent.Body);
    }
}
