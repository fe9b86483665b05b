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
}
