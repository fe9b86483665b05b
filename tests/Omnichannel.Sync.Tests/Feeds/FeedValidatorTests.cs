using Omnichannel.Sync.Feeds;

namespace Omnichannel.Sync.Tests.Feeds;

public sealed class FeedValidatorTests
{
    [Fact]
    public void Check_LocalRowBreakingEachRule_NamesEveryField()
    {
        var row = new LocalInventoryRow(new string('s', 65), new string('i', 51), -1, "in stock soon", "12.5EUR");

        var fields = FeedValidator.Check(row).Select(p => p.Field).ToList();

        Assert.Equal(["id", "store_code", "quantity", "availability", "price"], fields);
    }

    [Fact]
    public void Check_PriceComparisonRowWithBadGtinCurrencyAndTab_NamesThem()
    {
        var row = new PriceComparisonRow("x", "Title\twith tab", null, "123", null, "1.00", "eur", "in_stock", 1, "https://shop.example/x");

        var fields = FeedValidator.Check(row).Select(p => p.Field).ToList();

        Assert.Equal(["title", "gtin", "currency"], fields);
    }

    [Fact]
    public void Check_ValidRows_HaveNoProblems()
    {
        Assert.Empty(FeedValidator.Check(new LocalInventoryRow("store-1", "sku-1", 3, "in_stock", "15.00 USD")));
        Assert.Empty(FeedValidator.Check(new PriceComparisonRow("sku-1", "Mug", "Acme", "4006381333931", "M-1", "15.00", "USD", "out_of_stock", 0, "https://shop.example/mug")));
    }
}
