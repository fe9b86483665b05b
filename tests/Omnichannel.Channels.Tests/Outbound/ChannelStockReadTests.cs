using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Outbound;

/// <summary>Each adapter's stock read sends its channel's documented request and parses the answer (local fake server).</summary>
public sealed class ChannelStockReadTests
{
    public static TheoryData<string, ListingIds, string, string, int> Reads => new()
    {
        {
            "shopify", new ListingIds("S", "gid://shopify/InventoryItem/1", LocationId: "gid://shopify/Location/2"), "POST /admin/api/2025-07/graphql.json",
            """{"data":{"inventoryItem":{"inventoryLevel":{"quantities":[{"name":"available","quantity":7}]}}}}""", 7
        },
        { "ebay", new ListingIds("SKU/1", OfferId: "OFF-1"), "GET /sell/inventory/v1/inventory_item/SKU%2F1", """{"sku":"SKU/1","availability":{"shipToLocationAvailability":{"quantity":12}}}""", 12 },
        {
            "amazon", new ListingIds("SKU-1"), "GET /listings/2021-08-01/items/SELLER1/SKU-1?marketplaceIds=ATVPDKIKX0DER&includedData=fulfillmentAvailability",
            """{"sku":"SKU-1","fulfillmentAvailability":[{"fulfillmentChannelCode":"AMAZON_NA","quantity":99},{"fulfillmentChannelCode":"DEFAULT","quantity":4}]}""", 4
        },
        { "walmart", new ListingIds("SKU-1"), "GET /v3/inventory?sku=SKU-1", """{"sku":"SKU-1","quantity":{"unit":"EACH","amount":3}}""", 3 },
        { "woocommerce", new ListingIds("SYI", "22", "23"), "GET /wp-json/wc/v3/products/22/variations/23", """{"id":23,"manage_stock":true,"stock_quantity":8}""", 8 },
        {
            "etsy", new ListingIds("MUG-BLUE", "777"), "GET /v3/application/listings/777/inventory",
            """{"products":[{"sku":"MUG-RED","offerings":[{"quantity":3}]},{"sku":"MUG-BLUE","offerings":[{"quantity":5}]}]}""", 5
        },
        { "allegro", new ListingIds("S", "OFFER-9"), "GET /sale/product-offers/OFFER-9", """{"id":"OFFER-9","stock":{"available":6,"unit":"UNIT"}}""", 6 },
        { "bigcommerce", new ListingIds("S", "111", "222"), "GET /v3/catalog/products/111/variants/222", """{"data":{"id":222,"inventory_level":11},"meta":{}}""", 11 },
    };

    public static TheoryData<string, ListingIds> Listings()
    {
        var data = new TheoryData<string, ListingIds>();
        foreach (var row in Reads)
        {
            data.Add((string)row[0], (ListingIds)row[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task GetAvailableQuantity_KnownListing_SendsTheDocumentedRequestAndParsesTheFigure(string channel, ListingIds listing, string request, string answer, int expected)
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = answer;

        var shown = await Stock(fixture, channel).GetAvailableQuantityAsync("main", listing, CancellationToken.None);

        var sent = fixture.Single();
        Assert.Equal(request, $"{sent.Method} {sent.PathAndQuery}");
        Assert.Equal(expected, shown);
        if (channel == "shopify")
        {
            Assert.Equal(("gid://shopify/InventoryItem/1", "gid://shopify/Location/2"), (sent.Json.GetProperty("variables").GetProperty("id").GetString(), sent.Json.GetProperty("variables").GetProperty("locationId").GetString()));
        }
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task GetAvailableQuantity_UnknownListing_IsNull(string channel, ListingIds listing)
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        if (channel == "shopify")
        {
            fixture.Server.DefaultBody = """{"data":{"inventoryItem":null}}""";
        }
        else if (channel == "etsy")
        {
            fixture.Server.DefaultBody = """{"products":[{"sku":"OTHER","offerings":[{"quantity":1}]}]}""";
        }
        else
        {
            fixture.Server.Then(404, """{"errors":[{"message":"not found"}]}""");
        }

        Assert.Null(await Stock(fixture, channel).GetAvailableQuantityAsync("main", listing, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task GetAvailableQuantity_ChannelRefuses_ThrowsChannelApiException(string channel, ListingIds listing)
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.DefaultBody = """{"errors":[{"message":"Access denied"}]}""";
        if (channel != "shopify")
        {
            fixture.Server.Then(403, fixture.Server.DefaultBody);
        }

        var error = await Assert.ThrowsAsync<ChannelApiException>(() => Stock(fixture, channel).GetAvailableQuantityAsync("main", listing, CancellationToken.None));

        Assert.Equal(channel, error.Channel);
    }

    [Theory]
    [InlineData("generic")]
    [InlineData("pos")]
    public async Task CanReadStock_ChannelWithoutAReadCall_IsFalse(string channel)
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        var stock = Stock(fixture, channel);

        Assert.False(stock.CanReadStock);
        await Assert.ThrowsAsync<NotSupportedException>(() => stock.GetAvailableQuantityAsync("main", new ListingIds("S"), CancellationToken.None));
    }

    internal static IChannelStockClient Stock(OutboundFixture fixture, string channel) =>
        fixture.Services.GetRequiredService<ChannelStockClients>().Get(channel);
}
