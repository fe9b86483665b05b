using System.Text.Json;
using Omnichannel.Channels.Adapters.BigCommerce;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Adapters.BigCommerce;

public sealed class BigCommerceOrderFetcherTests
{
    [Fact]
    public async Task FetchAsync_OrderWithProductsAndAddress_MapsAndKeepsTheThreeAnswersSideBySide()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Handler = BigCommerceStore.Order("1001");

        var fetched = await new BigCommerceOrderFetcher().FetchAsync(fixture.Request("bigcommerce"), "1001");

        var order = fetched?.Order ?? throw new InvalidOperationException(fetched?.Unreadable ?? "nothing fetched");
        Assert.Equal(("1001", "EUR", ChannelOrderStatus.Open), (order.ChannelOrderId, order.Currency, order.Status));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 10, 0, TimeSpan.Zero), order.PlacedAt);
        Assert.Equal(new OrderLine("501", "LAMP-1", "77", "78", null, "4006381333931", "Lamp", 2, 11.9m), order.Lines[0]);
        Assert.Equal(3.5m, order.Lines[1].UnitPrice);
        Assert.Equal(("Berlin", "DE", "Standard"), (order.ShippingAddress?.City, order.ShippingAddress?.CountryCode, order.Fulfilment.Network));
        using var archived = JsonDocument.Parse(fetched.Body);
        Assert.Equal(2, archived.RootElement.GetProperty("products").GetArrayLength());
        Assert.All(fixture.Server.Requests, r => Assert.Equal("token-bigcommerce", r.Headers["X-Auth-Token"]));
    }

    [Theory]
    [InlineData(5, ChannelOrderStatus.Cancelled)]
    [InlineData(6, ChannelOrderStatus.Cancelled)]
    [InlineData(4, ChannelOrderStatus.Refunded)]
    public async Task FetchAsync_StatusId_MapsToTheOrderStatus(int statusId, ChannelOrderStatus expected)
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Handler = BigCommerceStore.Order("1002", statusId);

        var fetched = await new BigCommerceOrderFetcher().FetchAsync(fixture.Request("bigcommerce"), "1002");

        Assert.Equal(expected, fetched?.Order?.Status);
    }

    [Fact]
    public async Task FetchAsync_IncompleteCheckout_SkippedWithTheReason()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Handler = BigCommerceStore.Order("1003", statusId: 0);

        var fetched = await new BigCommerceOrderFetcher().FetchAsync(fixture.Request("bigcommerce"), "1003");

        Assert.Null(fetched?.Order);
        Assert.Contains("incomplete checkout", fetched?.Skipped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_UnknownOrder_ReturnsNull()
    {
        await using var fixture = await OutboundFixture.CreateAsync();
        fixture.Server.Handler = BigCommerceStore.Order("1004");

        Assert.Null(await new BigCommerceOrderFetcher().FetchAsync(fixture.Request("bigcommerce"), "999"));
    }
}
