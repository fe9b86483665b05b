using Omnichannel.Channels.Ingestion;
using Omnichannel.Orders.Model;

namespace Omnichannel.Orders.Tests.Model;

public sealed class OrderIdTests
{
    [Theory]
    [InlineData("shopify", "main", "1001", "shopify_main_1001")]
    [InlineData("Amazon", "EU", "111-222", "amazon_eu_111-222")]
    [InlineData("ebay", "main", "a/b#c?d_e", "ebay_main_a.2Fb.23c.3Fd.5Fe")]
    [InlineData("etsy", "main", "ü", "etsy_main_.C3.BC")]
    public void For_AnyCharacters_GivesUrlAndKeySafeId(string channel, string store, string orderId, string expected) =>
        Assert.Equal(expected, OrderId.For(channel, store, orderId));

    [Fact]
    public void For_PartsContainingTheSeparator_DoNotCollide() =>
        Assert.NotEqual(OrderId.For("a", "b_c", "d"), OrderId.For("a", "b", "c_d"));

    [Theory]
    [InlineData("shopify", "main", "5551234567890")]
    [InlineData("amazon", "eu", "123-1234567-1234567")]
    [InlineData("ebay", "main", "12-12345-12345")]
    [InlineData("allegro", "pl-1", "0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("rakuten", "main", "#R-7 / ü?x_y.z%2F..")]
    [InlineData("pos", "store_berlin", "CON")]
    public void IsValid_EveryIdIntakeAccepts_True(string channel, string store, string channelOrderId)
    {
        Assert.True(DeliveryForwarder.IsUsableOrderId(channelOrderId));
        Assert.True(OrderId.IsValid(OrderId.For(channel, store, channelOrderId)));
    }

    [Fact]
    public void IsValid_LongestIntakeAcceptsAtWorstEncoding_True()
    {
        var channelOrderId = new string('\u20AC', DeliveryForwarder.MaxOrderIdLength);
        Assert.True(DeliveryForwarder.IsUsableOrderId(channelOrderId));
        var id = OrderId.For(new string('~', 50), new string('~', 100), channelOrderId);
        Assert.True(id.Length <= OrderId.MaxLength, $"{id.Length} > {OrderId.MaxLength}");
        Assert.True(OrderId.IsValid(id));
    }

    [Theory]
    [InlineData("\"><script>")]
    [InlineData("..%2F..")]
    [InlineData("CON")]
    [InlineData("shopify_main_10\u202E01")]
    [InlineData("shopify_main_a.2")]
    [InlineData("shopify_main_a.zz")]
    [InlineData("shopify__1001")]
    [InlineData("shopify_main_1001_x")]
    [InlineData("")]
    public void IsValid_HostileOrMalformed_False(string id) => Assert.False(OrderId.IsValid(id));

    [Fact]
    public void IsValid_LongerThanMaxLength_False() =>
        Assert.False(OrderId.IsValid("shopify_main_" + new string('1', OrderId.MaxLength)));
}
