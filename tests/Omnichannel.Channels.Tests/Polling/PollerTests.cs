using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels.Adapters.Allegro;
using Omnichannel.Channels.Adapters.Amazon;
using Omnichannel.Channels.Adapters.Ebay;
using Omnichannel.Channels.Adapters.Etsy;
using Omnichannel.Channels.Adapters.Shopify;
using Omnichannel.Channels.Adapters.Walmart;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Polling;

/// <summary>Each poller reads its channel's documented list call, pages through it and maps every order.</summary>
public sealed class PollerTests
{
    private static readonly PollWindow Window = new(Deliveries.Now.AddHours(-1), Deliveries.Now, null);

    [Fact]
    public async Task Amazon_OrdersWithItems_MappedIncludingFba()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Handler = r => r.PathAndQuery switch
        {
            var p when p.StartsWith("/orders/v0/orders?", StringComparison.Ordinal) && !p.Contains("NextToken", StringComparison.Ordinal) =>
                (200, """{"payload":{"Orders":[{"AmazonOrderId":"902-1","PurchaseDate":"2026-11-25T08:10:00Z","LastUpdateDate":"2026-11-25T08:20:00Z","OrderStatus":"Unshipped","FulfillmentChannel":"MFN","OrderTotal":{"CurrencyCode":"EUR","Amount":"30.00"},"ShipServiceLevel":"Std","ShippingAddress":{"Name":"A B","City":"Berlin","PostalCode":"10115","CountryCode":"DE"}}],"NextToken":"tok 2"}}"""),
            var p when p.Contains("NextToken=tok%202", StringComparison.Ordinal) =>
                (200, """{"payload":{"Orders":[{"AmazonOrderId":"902-2","PurchaseDate":"2026-11-25T08:30:00Z","OrderStatus":"Shipped","FulfillmentChannel":"AFN","OrderTotal":{"CurrencyCode":"EUR","Amount":"9.00"}}]}}"""),
            "/orders/v0/orders/902-1/orderItems" => (200, """{"payload":{"OrderItems":[{"OrderItemId":"OI-1","SellerSKU":"SKU-1","ASIN":"B000TEST01","Title":"Thing","QuantityOrdered":2,"ItemPrice":{"CurrencyCode":"EUR","Amount":"30.00"}}]}}"""),
            "/orders/v0/orders/902-2/orderItems" => (200, """{"payload":{"OrderItems":[{"OrderItemId":"OI-2","SellerSKU":"SKU-2","ASIN":"B000TEST02","QuantityOrdered":1,"ItemPrice":{"CurrencyCode":"EUR","Amount":"9.00"}}]}}"""),
            _ => null,
        };

        var orders = await PollAllAsync(fixture, "amazon", new AmazonPoller());

        Assert.Equal(["902-1", "902-2"], orders.Select(o => o.ChannelOrderId));
        Assert.Equal(new OrderLine("OI-1", "SKU-1", null, null, "B000TEST01", null, "Thing", 2, 15m), Assert.Single(orders[0].Lines));
        Assert.Equal(FulfilmentMethod.Ship("Std"), orders[0].Fulfilment);
        Assert.Equal(new FulfilmentMethod(FulfilmentKind.FulfilledByChannel, null, "AFN"), orders[1].Fulfilment);
        Assert.Contains(fixture.Server.Requests, r => r.PathAndQuery.Contains("LastUpdatedAfter=2026-11-25T08%3A00%3A00Z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shopify_TwoPagesLinkedByLinkHeader_BothMappedAndTheSecondReadByItsCursorOnly()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var next = $"{fixture.Server.BaseUrl.ToString().TrimEnd('/')}/admin/api/{ShopifyApi.DefaultApiVersion}/orders.json?limit=250&page_info=eyJsYXN0X2lkIjo0fQ%3D%3D";
        fixture.Server.Then(200, $$"""{"orders":[{{ShopifyOrder(1001)}}]}""", ("Link", $"<{next}>; rel=\"next\""));
        fixture.Server.Then(200, $$"""{"orders":[{{ShopifyOrder(1002)}}]}""", ("Link", $"<{next}&x=prev>; rel=\"previous\""));

        var orders = await PollAllAsync(fixture, "shopify", new ShopifyPoller());

        Assert.Equal(["1001", "1002"], orders.Select(o => o.ChannelOrderId));
        var requests = fixture.Server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Contains("status=any&updated_at_min=2026-11-25T08%3A00%3A00Z", requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal($"/admin/api/{ShopifyApi.DefaultApiVersion}/orders.json?limit=250&page_info=eyJsYXN0X2lkIjo0fQ%3D%3D", requests[1].PathAndQuery);
        Assert.All(requests, r => Assert.Equal("token-shopify", r.Headers["X-Shopify-Access-Token"]));
    }

    [Fact]
    public async Task Ebay_LastModifiedFilter_MapsOrdersAndCancellations()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = """
            {"total":2,"orders":[
              {"orderId":"12-1","creationDate":"2026-11-25T08:00:00.000Z","lastModifiedDate":"2026-11-25T08:05:00.000Z","pricingSummary":{"total":{"value":"20.0","currency":"GBP"}},
               "buyer":{"username":"b1","buyerRegistrationAddress":{"fullName":"Bea Buyer","email":"b@example.co.uk"}},
               "fulfillmentStartInstructions":[{"fulfillmentInstructionsType":"SHIP_TO","shippingStep":{"shipTo":{"fullName":"Bea Buyer","contactAddress":{"addressLine1":"1 High St","city":"Leeds","postalCode":"LS1","countryCode":"GB"}}}}],
               "lineItems":[{"lineItemId":"LI-1","legacyItemId":"1100","sku":"SKU-9","title":"Lamp","quantity":2,"lineItemCost":{"value":"20.0","currency":"GBP"}}]},
              {"orderId":"12-2","creationDate":"2026-11-25T07:00:00.000Z","cancelStatus":{"cancelState":"CANCELED"},"pricingSummary":{"total":{"value":"5.0","currency":"GBP"}},"lineItems":[{"lineItemId":"LI-2","quantity":1,"lineItemCost":{"value":"5.0","currency":"GBP"}}]}]}
            """;

        var orders = await PollAllAsync(fixture, "ebay", new EbayPoller());

        Assert.Equal(new OrderLine("LI-1", "SKU-9", "1100", null, null, null, "Lamp", 2, 10m), Assert.Single(orders[0].Lines));
        Assert.Equal(("Leeds", "GB"), (orders[0].ShippingAddress?.City, orders[0].ShippingAddress?.CountryCode));
        Assert.Equal(ChannelOrderStatus.Cancelled, orders[1].Status);
        Assert.Contains("filter=lastmodifieddate%3A%5B2026-11-25T08%3A00%3A00.000Z..2026-11-25T09%3A00%3A00.000Z%5D", Assert.Single(fixture.Server.Requests).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Etsy_Receipts_MappedWithDivisorPrices()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = """
            {"count":1,"results":[{"receipt_id":3012345678,"create_timestamp":1795600000,"updated_timestamp":1795600100,"status":"Paid","name":"Ann Etsy","buyer_email":"ann@example.com",
              "first_line":"2 Lane","city":"Austin","state":"TX","zip":"78701","country_iso":"US","grandtotal":{"amount":2500,"divisor":100,"currency_code":"USD"},
              "transactions":[{"transaction_id":55,"title":"Mug","quantity":2,"price":{"amount":1250,"divisor":100,"currency_code":"USD"},"listing_id":777,"product_id":888,"sku":"MUG-BLUE"}]}]}
            """;

        var order = Assert.Single(await PollAllAsync(fixture, "etsy", new EtsyPoller()));

        Assert.Equal(("3012345678", "USD", DateTimeOffset.FromUnixTimeSeconds(1795600000)), (order.ChannelOrderId, order.Currency, order.PlacedAt));
        Assert.Equal(new OrderLine("55", "MUG-BLUE", "777", "888", null, null, "Mug", 2, 12.5m), Assert.Single(order.Lines));
        Assert.Contains("min_last_modified=" + Window.From.ToUnixTimeSeconds(), Assert.Single(fixture.Server.Requests).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allegro_EventJournal_FetchesActedFormsAndAdvancesTokenCursor()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Handler = r => r.PathAndQuery switch
        {
            "/order/events?from=ev-9&limit=100" => (200, """{"events":[{"id":"ev-10","type":"BOUGHT","order":{"checkoutForm":{"id":"cf-1"}}},{"id":"ev-11","type":"READY_FOR_PROCESSING","order":{"checkoutForm":{"id":"cf-1"}}}]}"""),
            "/order/checkout-forms/cf-1" => (200, """{"id":"cf-1","status":"READY_FOR_PROCESSING","updatedAt":"2026-11-25T08:00:00Z","buyer":{"email":"k@example.pl","firstName":"Kasia","lastName":"K"},"delivery":{"address":{"firstName":"Kasia","lastName":"K","street":"Prosta 1","city":"Warszawa","zipCode":"00-001","countryCode":"PL"},"pickupPoint":{"id":"POZ08A"}},"lineItems":[{"id":"li-1","offer":{"id":"OFFER-9","name":"Kubek","external":{"id":"MUG-01"}},"quantity":1,"price":{"amount":"39.99","currency":"PLN"},"boughtAt":"2026-11-25T07:59:00Z"}],"summary":{"totalToPay":{"amount":"39.99","currency":"PLN"}}}"""),
            _ => null,
        };

        var pages = await PagesAsync(fixture, "allegro", new AllegroPoller(), Window with { Token = "ev-9" });

        var order = Assert.Single(Assert.Single(pages).Orders);
        Assert.Equal(("cf-1", "PLN", new FulfilmentMethod(FulfilmentKind.PickupInStore, "POZ08A")), (order.ChannelOrderId, order.Currency, order.Fulfilment));
        Assert.Equal(new OrderLine("li-1", "MUG-01", "OFFER-9", null, null, null, "Kubek", 1, 39.99m), Assert.Single(order.Lines));
        Assert.Equal("ev-11", pages[0].Next.Token);
    }

    [Fact]
    public async Task Walmart_NextCursor_FollowedUntilEmpty()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var order = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Adapters", "Walmart", "Payloads", "po-created.json"));
        var payload = System.Text.Json.JsonDocument.Parse(order).RootElement.GetProperty("payload").GetRawText();
        fixture.Server.Handler = r => r.PathAndQuery.StartsWith("/v3/orders?lastModifiedStartDate=", StringComparison.Ordinal)
            ? (200, "{\"list\":{\"meta\":{\"totalCount\":2,\"nextCursor\":\"?limit=100&hasMoreElements=true&soIndex=2\"},\"elements\":{\"order\":[" + payload + "]}}}")
            : r.PathAndQuery == "/v3/orders?limit=100&hasMoreElements=true&soIndex=2"
                ? (200, "{\"list\":{\"meta\":{\"totalCount\":2},\"elements\":{\"order\":[" + payload.Replace("1796277083022", "1796277083023", StringComparison.Ordinal) + "]}}}")
                : null;

        var orders = await PollAllAsync(fixture, "walmart", new WalmartPoller());

        Assert.Equal(["1796277083022", "1796277083023"], orders.Select(o => o.ChannelOrderId));
        Assert.All(fixture.Server.Requests, r => Assert.Equal("token-walmart", r.Headers["WM_SEC.ACCESS_TOKEN"]));
    }

    private static async Task<List<CanonicalOrder>> PollAllAsync(OutboundFixture fixture, string channel, IOrderPoller poller) =>
        (await PagesAsync(fixture, channel, poller, Window)).SelectMany(p => p.Orders).ToList();

    private static async Task<List<PolledPage>> PagesAsync(OutboundFixture fixture, string channel, IOrderPoller poller, PollWindow window)
    {
        var account = fixture.Services.GetRequiredService<ChannelAccounts>().Find(channel, "main")!;
        var http = fixture.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ChannelHttp.ClientName(account));
        var pages = new List<PolledPage>();
        await foreach (var page in poller.PollAsync(new ChannelRequest(account, http, TimeProvider.System, CancellationToken.None), window))
        {
            Assert.Empty(page.Unreadable);
            pages.Add(page);
        }

        return pages;
    }

    private static string ShopifyOrder(long id) =>
        $$"""{"id":{{id}},"name":"#{{id}}","created_at":"2026-11-25T08:10:00Z","updated_at":"2026-11-25T08:20:00Z","currency":"EUR","financial_status":"paid","line_items":[{"id":{{id}}1,"sku":"TEE","quantity":1,"price":"10.00"}]}""";
}
