using System.Text;
using System.Text.Json;
using Omnichannel.Channels.Adapters.Shopify;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Contracts.Shopify;

/// <summary>
/// The <c>orders/create</c> body (Shopify's REST Order resource; Shopify publishes no sample, so the fixture is
/// written from the resource's fields) with the traps real feeds carry: ids above 2^53, escaped non-ASCII and
/// surrogate pairs, an empty and a padded SKU, nulls; its money as Shopify states it.
/// </summary>
public sealed class ShopifyOrderWebhookContractTests
{
    [Fact]
    public void OrdersCreate_TaxIncludedWithDiscountAllocationsAndShipping_MoneyAndNotesAsStated()
    {
        var order = Map(Payload.Text("Shopify", "orders-create-money.json"));

        Assert.Equal(("9007199254740993", "9007199254740995", "9007199254740997"), (order.ChannelOrderId, order.Lines[0].ChannelLineId, order.Lines[0].ChannelItemId));
        Assert.Null(order.Lines[0].ChannelSku);
        Assert.Equal("  MUG-01 ", order.Lines[1].ChannelSku);
        Assert.Equal("T-Shirt « rot »", order.Lines[0].Title);
        Assert.Equal(("EUR", 67.90m, 10.84m, true), (order.Currency, order.Totals!.Total, order.Totals.Tax, order.Totals.TaxIncluded));
        Assert.Equal((6.00m, 8.62m), (order.Lines[0].Discount, order.Lines[0].Tax));
        Assert.Equal((4.90m, 0m, 0.78m), (order.ShippingCharges![0].Price, order.ShippingCharges[0].Discount, order.ShippingCharges[0].Tax));
        Assert.True(Assert.Single(order.Discounts!).AllocatedToLines);
        Assert.Null(OrderMoney.CheckTotals(order));
        Assert.Equal(22.69m, OrderMoney.UnitNet(order, order.Lines[0]));
        Assert.Equal(("Bitte klingeln – Hinterhaus", "Alles Gute, Zoë 🎁"), (order.Notes?.BuyerNote, order.Notes?.GiftMessage));
    }

    [Fact]
    public void OrdersCreate_TotalThatTheLinesDoNotMake_MismatchNamed()
    {
        var order = Map(Payload.Text("Shopify", "orders-create-money.json").Replace("\"total_price\":\"67.90\"", "\"total_price\":\"70.00\"", StringComparison.Ordinal));

        Assert.Contains("the channel says 70.00 EUR", OrderMoney.CheckTotals(order), StringComparison.Ordinal);
    }

    [Fact]
    public void OrdersCreate_WithoutMoneyFields_NoTotalsAndNothingFlagged()
    {
        var order = Map(Payload.Text("Shopify", "orders-create.json"));

        Assert.Null(order.Totals);
        Assert.Null(OrderMoney.CheckTotals(order));
        Assert.Null(order.Lines[0].Discount);
    }

    private static CanonicalOrder Map(string json)
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(json));
        return ShopifyOrderMapper.Map(document.RootElement, TestAccounts.For("shopify"));
    }
}
