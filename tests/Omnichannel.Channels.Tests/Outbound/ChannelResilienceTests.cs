using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Tests.Support;
using Polly.CircuitBreaker;

namespace Omnichannel.Channels.Tests.Outbound;

public sealed class ChannelResilienceTests
{
    private static readonly ShipmentReport Shipment = new("ORD-1", [new ShipmentLine("L1", 1)], "UPS", "1Z999", null, Deliveries.Now);

    [Fact]
    public async Task SetAvailableQuantity_429WithRetryAfterThenSuccess_WaitsRetryAfterAndSucceeds()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Then(429, "{}", ("Retry-After", "1"));
        var started = TimeProvider.System.GetTimestamp();

        await fixture.Client("generic").SetAvailableQuantityAsync("main", new ListingQuantity("SKU-1", 5), CancellationToken.None);

        Assert.Equal(2, fixture.Server.Requests.Count);
        // Base delay is 10 ms: only the Retry-After header explains a wait of about a second.
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task SetAvailableQuantity_503ThenSuccess_Retried()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Then(503);
        fixture.Server.Then(500);

        await fixture.Client("walmart").SetAvailableQuantityAsync("main", new ListingQuantity("SKU-1", 5), CancellationToken.None);

        Assert.Equal(3, fixture.Server.Requests.Count);
    }

    [Fact]
    public async Task ReportShipment_NotIdempotentChannel503_NotRetried()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Then(503);

        var error = await Assert.ThrowsAsync<ChannelApiException>(() => fixture.Client("ebay").ReportShipmentAsync("main", Shipment, "ship-1", CancellationToken.None));

        Assert.Equal(503, error.Status);
        Assert.Single(fixture.Server.Requests);
    }

    [Fact]
    public async Task ReportShipment_NotIdempotentChannel429ThenSuccess_Retried()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Then(429, "{}", ("Retry-After", "0"));
        fixture.Server.Then(201, "{\"fulfillmentId\":\"F-1\"}");

        var receipt = await fixture.Client("ebay").ReportShipmentAsync("main", Shipment, "ship-1", CancellationToken.None);

        Assert.Equal("F-1", receipt.ChannelShipmentId);
        Assert.Equal(2, fixture.Server.Requests.Count);
    }

    [Fact]
    public async Task ReportShipment_IdempotentChannel500ThenSuccess_RetriedWithSamePackageReference()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Then(500);

        await fixture.Client("amazon").ReportShipmentAsync("main", Shipment, "ship-1", CancellationToken.None);

        var references = fixture.Server.Requests.Select(r => r.Json.GetProperty("packageDetail").GetProperty("packageReferenceId").GetString()).ToList();
        Assert.Equal(2, references.Count);
        Assert.Single(references.Distinct());
    }

    [Fact]
    public async Task ShopifyThrottledGraphQl_RetriedAfterRestore()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Then(200, "{\"errors\":[{\"message\":\"Throttled\"}],\"extensions\":{\"cost\":{\"requestedQueryCost\":10,\"throttleStatus\":{\"maximumAvailable\":1000,\"currentlyAvailable\":10,\"restoreRate\":50}}}}");
        fixture.Server.DefaultBody = "{\"data\":{\"inventorySetQuantities\":{\"userErrors\":[]}}}";

        await fixture.Client("shopify").SetAvailableQuantityAsync("main", new ListingQuantity("SKU", 3, "gid://shopify/InventoryItem/1", LocationId: "gid://shopify/Location/2"), CancellationToken.None);

        Assert.Equal(2, fixture.Server.Requests.Count);
    }

    [Fact]
    public async Task Calls_DeadEndpoint_CircuitOpensAndFailsFast()
    {
        var dead = new Uri($"http://127.0.0.1:{Omnichannel.LocalHost.LocalStorage.AzuriteLauncher.FreePorts().Blob}/");
        await using var fixture = await OutboundFixture.CreateAsync(
            new() { ["Channels:Http:BreakerMinimumThroughput"] = "2", ["Channels:Http:MaxRetries"] = "0", ["Channels:Http:BreakDuration"] = "00:01:00" },
            baseUrl: dead);
        var client = fixture.Client("generic");
        var errors = new List<ChannelApiException>();

        for (var i = 0; i < 4; i++)
        {
            errors.Add(await Assert.ThrowsAsync<ChannelApiException>(() => client.SetAvailableQuantityAsync("main", new ListingQuantity("SKU", 1), CancellationToken.None)));
        }

        Assert.IsType<HttpRequestException>(errors[0].InnerException);
        Assert.IsType<BrokenCircuitException>(errors[^1].InnerException);
    }
}
