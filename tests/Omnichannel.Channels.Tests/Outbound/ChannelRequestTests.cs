using System.Text;
using Omnichannel.Channels.Adapters.Amazon;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Outbound;

/// <summary>Each adapter sends the request its channel documents (CHANNELS.md), to a local fake server.</summary>
public sealed class ChannelRequestTests
{
    private static readonly ShipmentReport Shipment = new(
        "ORD-1", [new ShipmentLine("L1", 2)], "UPS", "1Z999", new Uri("https://track.example/1Z999"), Deliveries.Now, "Ground");

    [Fact]
    public async Task Shopify_UserErrors_Throws()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = "{\"data\":{\"inventorySetQuantities\":{\"userErrors\":[{\"field\":[\"input\"],\"message\":\"bad\"}]}}}";

        await Assert.ThrowsAsync<ChannelApiException>(() => fixture.Client("shopify").SetAvailableQuantityAsync("main", new ListingQuantity("S", 1, "gid://1", LocationId: "gid://2"), CancellationToken.None));
    }

    [Fact]
    public async Task WooCommerce_ReportShipmentAndStock_ShipmentTrackingAndStockQuantity()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var client = fixture.Client("woocommerce");

        await client.ReportShipmentAsync("main", Shipment, "k1", CancellationToken.None);
        await client.SetAvailableQuantityAsync("main", new ListingQuantity("SYI-BLK", 7, "22", "23"), CancellationToken.None);

        var requests = fixture.Server.Requests.ToArray();
        Assert.Equal(("POST", "/wp-json/wc-shipment-tracking/v3/orders/ORD-1/shipment-trackings"), (requests[0].Method, requests[0].PathAndQuery));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ck_1:cs_1")), requests[0].Headers["Authorization"]);
        Assert.Equal(("UPS", "1Z999", "2026-11-25"), (requests[0].Json.GetProperty("custom_tracking_provider").GetString(), requests[0].Json.GetProperty("tracking_number").GetString(), requests[0].Json.GetProperty("date_shipped").GetString()));
        Assert.Equal(("PUT", "/wp-json/wc/v3/products/22/variations/23"), (requests[1].Method, requests[1].PathAndQuery));
        Assert.Equal(7, requests[1].Json.GetProperty("stock_quantity").GetInt32());
        Assert.True(requests[1].Json.GetProperty("manage_stock").GetBoolean());
    }

    [Fact]
    public async Task Amazon_ReportShipmentAndStock_ConfirmShipmentAndListingsPatch()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var client = fixture.Client("amazon");

        var receipt = await client.ReportShipmentAsync("main", Shipment, "k1", CancellationToken.None);
        await client.SetAvailableQuantityAsync("main", new ListingQuantity("SKU/1", 4), CancellationToken.None);

        var requests = fixture.Server.Requests.ToArray();
        Assert.Equal(("POST", "/orders/v0/orders/ORD-1/shipmentConfirmation", "token-amazon"), (requests[0].Method, requests[0].PathAndQuery, requests[0].Headers["x-amz-access-token"]));
        var package = requests[0].Json.GetProperty("packageDetail");
        Assert.Equal(AmazonApi.PackageReferenceId("k1"), package.GetProperty("packageReferenceId").GetString());
        Assert.Equal(receipt.ChannelShipmentId, package.GetProperty("packageReferenceId").GetString());
        Assert.Equal(("L1", 2), (package.GetProperty("orderItems")[0].GetProperty("orderItemId").GetString(), package.GetProperty("orderItems")[0].GetProperty("quantity").GetInt32()));
        Assert.Equal("ATVPDKIKX0DER", requests[0].Json.GetProperty("marketplaceId").GetString());
        Assert.Equal(("PATCH", "/listings/2021-08-01/items/SELLER1/SKU%2F1?marketplaceIds=ATVPDKIKX0DER"), (requests[1].Method, requests[1].PathAndQuery));
        var patch = requests[1].Json.GetProperty("patches")[0];
        Assert.Equal(("merge", "/attributes/fulfillment_availability", 4), (patch.GetProperty("op").GetString(), patch.GetProperty("path").GetString(), patch.GetProperty("value")[0].GetProperty("quantity").GetInt32()));
    }

    [Fact]
    public async Task Ebay_ReportShipmentAndStock_ShippingFulfillmentAndBulkUpdate()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var client = fixture.Client("ebay");

        await client.ReportShipmentAsync("main", Shipment, "k1", CancellationToken.None);
        await client.SetAvailableQuantityAsync("main", new ListingQuantity("SKU-1", 9, OfferId: "OFF-1"), CancellationToken.None);

        var requests = fixture.Server.Requests.ToArray();
        Assert.Equal(("POST", "/sell/fulfillment/v1/order/ORD-1/shipping_fulfillment", "Bearer token-ebay"), (requests[0].Method, requests[0].PathAndQuery, requests[0].Headers["Authorization"]));
        Assert.Equal(("UPS", "1Z999"), (requests[0].Json.GetProperty("shippingCarrierCode").GetString(), requests[0].Json.GetProperty("trackingNumber").GetString()));
        Assert.Equal("/sell/inventory/v1/bulk_update_price_quantity", requests[1].PathAndQuery);
        var item = requests[1].Json.GetProperty("requests")[0];
        Assert.Equal((9, 9), (item.GetProperty("shipToLocationAvailability").GetProperty("quantity").GetInt32(), item.GetProperty("offers")[0].GetProperty("availableQuantity").GetInt32()));
    }

    [Fact]
    public async Task Etsy_SetQuantity_SendsWholeInventoryWithOnlyTheSkuChanged()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Then(200, """
            {"products":[
              {"product_id":1,"sku":"MUG-RED","property_values":[],"offerings":[{"offering_id":11,"quantity":3,"is_enabled":true,"price":{"amount":1250,"divisor":100,"currency_code":"EUR"}}]},
              {"product_id":2,"sku":"MUG-BLUE","property_values":[],"offerings":[{"offering_id":12,"quantity":8,"is_enabled":true,"price":{"amount":1250,"divisor":100,"currency_code":"EUR"}}]}],
             "price_on_property":[],"quantity_on_property":[],"sku_on_property":[]}
            """);

        await fixture.Client("etsy").SetAvailableQuantityAsync("main", new ListingQuantity("MUG-BLUE", 5, "777"), CancellationToken.None);

        var requests = fixture.Server.Requests.ToArray();
        Assert.Equal(("GET", "PUT", "/v3/application/listings/777/inventory"), (requests[0].Method, requests[1].Method, requests[1].PathAndQuery));
        Assert.Equal("etsy-key", requests[1].Headers["x-api-key"]);
        var products = requests[1].Json.GetProperty("products");
        Assert.Equal(2, products.GetArrayLength());
        Assert.Equal((3, 5), (products[0].GetProperty("offerings")[0].GetProperty("quantity").GetInt32(), products[1].GetProperty("offerings")[0].GetProperty("quantity").GetInt32()));
        Assert.Equal(12.5m, products[0].GetProperty("offerings")[0].GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Etsy_ReportShipment_CreateReceiptShipment()
    {
        await using var fixture = await OutboundFixture.CreateAsync();

        await fixture.Client("etsy").ReportShipmentAsync("main", Shipment, "k1", CancellationToken.None);

        var request = fixture.Single();
        Assert.Equal("/v3/application/shops/5551/receipts/ORD-1/tracking", request.PathAndQuery);
        Assert.Equal(("1Z999", "UPS"), (request.Json.GetProperty("tracking_code").GetString(), request.Json.GetProperty("carrier_name").GetString()));
    }

    [Fact]
    public async Task Allegro_SetQuantity_FixedQuantityChangeCommand()
    {
        await using var fixture = await OutboundFixture.CreateAsync();

        await fixture.Client("allegro").SetAvailableQuantityAsync("main", new ListingQuantity("SKU", 6, "OFFER-9"), CancellationToken.None);

        var request = fixture.Single();
        Assert.Equal("PUT", request.Method);
        Assert.StartsWith("/sale/offer-quantity-change-commands/", request.PathAndQuery, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(request.PathAndQuery.Split('/')[^1], out _));
        Assert.Equal(("FIXED", 6), (request.Json.GetProperty("modification").GetProperty("changeType").GetString(), request.Json.GetProperty("modification").GetProperty("value").GetInt32()));
        Assert.Equal("OFFER-9", request.Json.GetProperty("offerCriteria")[0].GetProperty("offers")[0].GetProperty("id").GetString());
        Assert.StartsWith("application/vnd.allegro.public.v1+json", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Walmart_ReportShipmentAndStock_ShippingAndInventory()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var client = fixture.Client("walmart");

        await client.ReportShipmentAsync("main", Shipment, "k1", CancellationToken.None);
        await client.SetAvailableQuantityAsync("main", new ListingQuantity("SKU-1", 3), CancellationToken.None);

        var requests = fixture.Server.Requests.ToArray();
        Assert.Equal(("/v3/orders/ORD-1/shipping", "token-walmart"), (requests[0].PathAndQuery, requests[0].Headers["WM_SEC.ACCESS_TOKEN"]));
        var tracking = requests[0].Json.GetProperty("orderShipment").GetProperty("orderLines").GetProperty("orderLine")[0].GetProperty("orderLineStatuses").GetProperty("orderLineStatus")[0].GetProperty("trackingInfo");
        Assert.Equal((Deliveries.Now.ToUnixTimeMilliseconds(), "1Z999"), (tracking.GetProperty("shipDateTime").GetInt64(), tracking.GetProperty("trackingNumber").GetString()));
        Assert.Equal(("PUT", "/v3/inventory?sku=SKU-1", 3), (requests[1].Method, requests[1].PathAndQuery, requests[1].Json.GetProperty("quantity").GetProperty("amount").GetInt32()));
    }

    [Fact]
    public async Task BigCommerce_ReportShipment_V2Shipment()
    {
        await using var fixture = await OutboundFixture.CreateAsync();

        await fixture.Client("bigcommerce").ReportShipmentAsync("main", Shipment, "k1", CancellationToken.None);

        var request = fixture.Single();
        Assert.Equal(("/v2/orders/ORD-1/shipments", "token-bigcommerce", "77"), (request.PathAndQuery, request.Headers["X-Auth-Token"], request.Json.GetProperty("order_address_id").GetString()));
        Assert.Equal("L1", request.Json.GetProperty("items")[0].GetProperty("order_product_id").GetString());
    }

    [Theory]
    [InlineData("generic")]
    [InlineData("pos")]
    public async Task HubSigned_ReportShipment_SignedWithIdempotencyKey(string channel)
    {
        await using var fixture = await OutboundFixture.CreateAsync();

        await fixture.Client(channel).ReportShipmentAsync("main", Shipment, "ship-42", CancellationToken.None);
        await fixture.Client(channel).AcknowledgeCancellationAsync("main", "ORD-1", CancellationToken.None);

        var requests = fixture.Server.Requests.ToArray();
        Assert.Equal(("/shipments", "ship-42"), (requests[0].PathAndQuery, requests[0].Headers["Idempotency-Key"]));
        var delivery = new Channels.Ingestion.WebhookDelivery(channel, "main", Deliveries.Now, string.Empty, requests[0].Headers, Encoding.UTF8.GetBytes(requests[0].Body));
        Assert.True(HubSignature.Verify(delivery, TestAccounts.For(channel), TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5)).IsValid);
        Assert.Equal("/orders/ORD-1/cancellation-acknowledgements", requests[1].PathAndQuery);
    }

    [Fact]
    public async Task Get_UnconfiguredChannel_ThrowsNamingTheSetting()
    {
        await using var fixture = await OutboundFixture.CreateAsync();

        var error = Assert.Throws<Omnichannel.Hosting.Configuration.SettingException>(() => fixture.Client("nowhere"));

        Assert.Equal("Channels:nowhere", error.Setting);
    }
}
