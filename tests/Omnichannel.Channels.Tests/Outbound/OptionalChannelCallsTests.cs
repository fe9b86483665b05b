using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Adapters.Generic;
using Omnichannel.Channels.Adapters.Pos;
using Omnichannel.Channels.Adapters.Shopify;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Tests.Support;
using Omnichannel.Testing;

namespace Omnichannel.Channels.Tests.Outbound;

/// <summary>The calls only some channels have: the documented request where there is one, nothing sent elsewhere.</summary>
public sealed class OptionalChannelCallsTests
{
    private static readonly ReturnReport Return = new("ORD-1", "RET-1", "store-1", [new ReturnLine("L1", "SKU-1", 1, "damaged")], "too small", Deliveries.Now);

    [Fact]
    public async Task Shopify_ReadyForPickup_PreparedForPickupMutationOnTheFulfillmentOrderHoldingTheLines()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var shop = new ShopifyFulfillmentOrdersFake(
            new FakeFulfillmentOrder("gid://shopify/FulfillmentOrder/8", "gid://shopify/Location/1", [new("gid://shopify/FulfillmentOrderLineItem/80", "gid://shopify/LineItem/7", 1)]),
            new FakeFulfillmentOrder("gid://shopify/FulfillmentOrder/9", "gid://shopify/Location/2", [new("gid://shopify/FulfillmentOrderLineItem/90", "gid://shopify/LineItem/1", 1)]));
        fixture.Server.Handler = shop.Handle;

        var told = await CreateSut(fixture).TryReportReadyForPickupAsync("shopify", "main", new PickupReport("ORD-1", [new ShipmentLine("1", 1)]), CancellationToken.None);

        Assert.True(told);
        var request = fixture.Server.Requests.Last();
        Assert.Equal(("POST", "/admin/api/2025-07/graphql.json", "token-shopify"), (request.Method, request.PathAndQuery, request.Headers["X-Shopify-Access-Token"]));
        var order = Assert.Single(Assert.Single(shop.PreparedForPickup).GetProperty("input").GetProperty("lineItemsByFulfillmentOrder").EnumerateArray());
        Assert.Equal("gid://shopify/FulfillmentOrder/9", order.GetProperty("fulfillmentOrderId").GetString());
    }

    [Fact]
    public async Task Shopify_PickedUpOrderWithoutTrackingNumber_FulfilmentWithoutTrackingInfo()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var shop = new ShopifyFulfillmentOrdersFake(
            new FakeFulfillmentOrder("gid://shopify/FulfillmentOrder/9", "gid://shopify/Location/2", [new("gid://shopify/FulfillmentOrderLineItem/90", "gid://shopify/LineItem/1", 1)]));
        fixture.Server.Handler = shop.Handle;
        var pickedUp = new ShipmentReport("ORD-1", [new ShipmentLine("1", 1)], "pickup", string.Empty, null, Deliveries.Now);

        await fixture.Client("shopify").ReportShipmentAsync("main", pickedUp, "k-pickup", CancellationToken.None);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, Assert.Single(shop.Fulfillments).GetProperty("fulfillment").GetProperty("trackingInfo").ValueKind);
    }

    [Theory]
    [InlineData("generic")]
    [InlineData("pos")]
    public async Task HubSigned_ReportReturn_SignedPostWithIdempotencyKey(string channel)
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = "{\"id\":\"r-9\"}";

        var receipt = await CreateSut(fixture).TryReportReturnAsync(channel, "main", Return, "ret-key", CancellationToken.None);

        Assert.Equal("r-9", receipt?.ChannelReturnId);
        var request = fixture.Single();
        Assert.Equal(("POST", "/returns", "ret-key"), (request.Method, request.PathAndQuery, request.Headers["Idempotency-Key"]));
        Assert.Equal(("ORD-1", "RET-1", "damaged"), (request.Json.GetProperty("order_id").GetString(), request.Json.GetProperty("return_id").GetString(), request.Json.GetProperty("lines")[0].GetProperty("condition").GetString()));
        var delivery = new Channels.Ingestion.WebhookDelivery(channel, "main", Deliveries.Now, string.Empty, request.Headers, Encoding.UTF8.GetBytes(request.Body));
        Assert.True(HubSignature.Verify(delivery, TestAccounts.For(channel), TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5)).IsValid);
    }

    [Fact]
    public async Task ChannelWithoutTheCall_SendsNothingAndSaysSo()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var sut = CreateSut(fixture);

        Assert.False(await sut.TryReportReadyForPickupAsync("amazon", "main", new PickupReport("ORD-1", []), CancellationToken.None));
        Assert.Null(await sut.TryReportReturnAsync("shopify", "main", Return, "k", CancellationToken.None));
        Assert.Empty(fixture.Server.Requests);
    }

    private static OptionalChannelCalls CreateSut(OutboundFixture fixture) => new(
        fixture.Services.GetRequiredService<ChannelAccounts>(),
        [new ShopifyPickupApi()],
        [new GenericReturnApi(), new PosReturnApi()],
        fixture.Services.GetRequiredService<IHttpClientFactory>(),
        TimeProvider.System);
}
