using System.Text.Json;
using Omnichannel.Channels.Adapters.Etsy;
using Omnichannel.Channels.Adapters.Shopify;
using Omnichannel.Channels.Adapters.Walmart;
using Omnichannel.Channels.Adapters.WooCommerce;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Polling;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Polling;

/// <summary>Each fetcher reads one order with its channel's documented call and maps it with the adapter's own mapper.</summary>
public sealed class OrderFetcherTests
{
    [Fact]
    public async Task Shopify_RestOrder_MappedFromTheOrderField()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var order = Payload.Text("Shopify", "orders-create.json");
        var id = Id(order, "id");
        fixture.Server.DefaultBody = $$"""{"order":{{order}}}""";

        var fetched = await FetchAsync(fixture, "shopify", new ShopifyOrderFetcher(), id);

        var request = fixture.Single();
        Assert.Equal(($"/admin/api/{ShopifyApi.DefaultApiVersion}/orders/{id}.json", "token-shopify"), (request.PathAndQuery, request.Headers["X-Shopify-Access-Token"]));
        Assert.Equal(id, fetched.ChannelOrderId);
    }

    [Fact]
    public async Task WooCommerce_Order_MappedWithBasicAuth()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var order = Payload.Text("WooCommerce", "order-created.json");
        var id = Id(order, "id");
        fixture.Server.DefaultBody = order;

        var fetched = await FetchAsync(fixture, "woocommerce", new WooCommerceOrderFetcher(), id);

        var request = fixture.Single();
        Assert.Equal($"/wp-json/wc/v3/orders/{id}", request.PathAndQuery);
        Assert.StartsWith("Basic ", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(id, fetched.ChannelOrderId);
    }

    [Fact]
    public async Task Etsy_Receipt_MappedFromTheShopsReceipt()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = """
            {"receipt_id":3012345678,"create_timestamp":1795600000,"status":"Paid","grandtotal":{"amount":2500,"divisor":100,"currency_code":"USD"},
             "transactions":[{"transaction_id":55,"title":"Mug","quantity":2,"price":{"amount":1250,"divisor":100,"currency_code":"USD"},"listing_id":777,"sku":"MUG-BLUE"}]}
            """;

        var fetched = await FetchAsync(fixture, "etsy", new EtsyOrderFetcher(), "3012345678");

        var request = fixture.Single();
        Assert.Equal(("/v3/application/shops/5551/receipts/3012345678", "etsy-key"), (request.PathAndQuery, request.Headers["x-api-key"]));
        Assert.Equal(("3012345678", 2), (fetched.ChannelOrderId, fetched.Lines.Single().Quantity));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Walmart_Order_MappedUnderOrderOrAtTheRoot(bool wrapped)
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        using var document = JsonDocument.Parse(Payload.Text("Walmart", "po-created.json"));
        var order = document.RootElement.GetProperty("payload").GetRawText();
        var id = Id(order, "purchaseOrderId");
        fixture.Server.DefaultBody = wrapped ? $$"""{"order":{{order}}}""" : order;

        var fetched = await FetchAsync(fixture, "walmart", new WalmartOrderFetcher(), id);

        var request = fixture.Single();
        Assert.Equal($"/v3/orders/{id}", request.PathAndQuery);
        Assert.True(request.Headers.ContainsKey("WM_QOS.CORRELATION_ID"));
        Assert.Equal(id, fetched.ChannelOrderId);
    }

    [Fact]
    public async Task FetchAsync_ChannelAnswers404_ReturnsNull()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Then(404, """{"errors":"Not Found"}""");

        Assert.Null(await new ShopifyOrderFetcher().FetchAsync(fixture.Request("shopify"), "42"));
    }

    [Fact]
    public async Task FetchAsync_AnswerMissingRequiredFields_UnreadableNamingTheField()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = """{"id":7}""";

        var fetched = await new WooCommerceOrderFetcher().FetchAsync(fixture.Request("woocommerce"), "7");

        Assert.Null(fetched?.Order);
        Assert.Contains("Field '", fetched?.Unreadable, StringComparison.Ordinal);
    }

    private static async Task<CanonicalOrder> FetchAsync(OutboundFixture fixture, string channel, IOrderFetcher fetcher, string id)
    {
        var fetched = await fetcher.FetchAsync(fixture.Request(channel), id) ?? throw new InvalidOperationException("not found");
        return fetched.Order ?? throw new InvalidOperationException(fetched.Unreadable);
    }

    private static string Id(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        var value = document.RootElement.GetProperty(name);
        return value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString()!;
    }
}
