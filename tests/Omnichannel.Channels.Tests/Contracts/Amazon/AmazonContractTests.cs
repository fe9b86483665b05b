using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Contracts.Amazon;

/// <summary>The Amazon adapter's calls against the SP-API models (Orders v0).</summary>
public sealed class AmazonContractTests
{
    [Fact]
    public async Task ConfirmShipment_Request_ConformsToOrdersV0()
    {
        var orders = OpenApiContract.Load(ContractSpecs.PathOf("amazon", "ordersV0.json"));
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = string.Empty;
        var shipment = new ShipmentReport("902-3159896-1390916", [new ShipmentLine("68828574383266", 2)], "UPS", "1Z999", null, Deliveries.Now, "Ground");

        await fixture.Client("amazon").ReportShipmentAsync("main", shipment, "pkg-1", CancellationToken.None);

        var sent = fixture.Single();
        var errors = orders.CheckRequest("confirmShipment", sent.Method, sent.PathAndQuery, sent.Headers, sent.Body);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + sent.Body);
    }

    [Fact]
    public async Task PatchListingsItem_Request_ConformsToListingsItems20210801()
    {
        var listings = OpenApiContract.Load(ContractSpecs.PathOf("amazon", "listingsItems_2021-08-01.json"));
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = """{"sku":"SKU/1","status":"ACCEPTED","submissionId":"f1dc2914-75dd-11ea-bc55-0242ac130003","issues":[]}""";

        await fixture.Client("amazon").SetAvailableQuantityAsync("main", new ListingQuantity("SKU/1", 4), CancellationToken.None);

        var sent = fixture.Single();
        var errors = listings.CheckRequest("patchListingsItem", sent.Method, sent.PathAndQuery, sent.Headers, sent.Body);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + sent.Body);
        Assert.Empty(listings.CheckResponse("patchListingsItem", 200, fixture.Server.DefaultBody));
    }

    [Fact]
    public void Checker_BodyMissingRequiredFields_Refused()
    {
        var orders = OpenApiContract.Load(ContractSpecs.PathOf("amazon", "ordersV0.json"));

        var errors = orders.CheckRequest("confirmShipment", "PUT", "/orders/v0/orders/1/shipment?x=1", new Dictionary<string, string>(), """{"packageDetail":{"carrierCode":1}}""");

        Assert.Contains(errors, e => e.StartsWith("method PUT", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("path ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'x'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("marketplaceId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/packageDetail/carrierCode", StringComparison.Ordinal));
    }
}
