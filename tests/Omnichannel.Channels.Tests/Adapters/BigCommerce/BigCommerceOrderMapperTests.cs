using System.Text.Json;
using Omnichannel.Channels.Adapters.BigCommerce;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Adapters.BigCommerce;

/// <summary>
/// <c>getOrder</c> with <c>getOrderProducts</c> and <c>getOrderShippingAddress</c> (the v2 answers the fetcher joins), written
/// from the Orders V2 schemas (the spec is reference only, unlicensed, not vendored). Traps: ids above 2^53, money as
/// 4-decimal strings, escaped non-ASCII, an empty and a padded SKU, nulls.
/// </summary>
public sealed class BigCommerceOrderMapperTests
{
    private const string Joined = """
        {"order":{"id":9007199254740993,"status_id":11,"date_created":"Mon, 30 Nov 2026 10:00:00 +0000","date_modified":"Mon, 30 Nov 2026 10:05:00 +0000",
          "currency_code":"GBP","default_currency_code":"GBP","is_tax_inclusive_pricing":true,
          "subtotal_inc_tax":"30.0000","shipping_cost_inc_tax":"6.0000","shipping_cost_tax":"1.0000","handling_cost_inc_tax":"0.0000","handling_cost_tax":"0.0000",
          "wrapping_cost_inc_tax":"2.5000","wrapping_cost_tax":"0.4200","total_inc_tax":"35.5000","total_tax":"6.4200",
          "discount_amount":"2.0000","coupon_discount":"1.0000","store_credit_amount":"0.0000","gift_certificate_amount":"0.0000",
          "customer_message":"Leave it with the neighbour \u2013 no. 12","staff_notes":null,
          "billing_address":{"first_name":"Zo\u00eb","last_name":"Smith","email":"zoe@example.com","phone":null}},
         "products":[
          {"id":9007199254740995,"order_id":9007199254740993,"product_id":77,"variant_id":78,"name":"Lamp \u00ab brass \u00bb","sku":" LAMP-1 ","upc":null,"quantity":2,
           "base_price":"10.0000","price_ex_tax":"10.0000","price_inc_tax":"12.0000","total_tax":"4.0000",
           "applied_discounts":[{"id":"manual-discount","amount":"2.0000","name":"Manual Discount","code":null,"target":"order"}],"wrapping_message":" Alles Gute \u2013 Oma "},
          {"id":502,"order_id":9007199254740993,"product_id":79,"variant_id":0,"name":"Bulb","sku":"","quantity":1,
           "base_price":"5.0000","price_ex_tax":"5.0000","price_inc_tax":"6.0000","total_tax":"1.0000",
           "applied_discounts":[{"id":"1","amount":"1.0000","name":"Save","code":"SAVE","target":"order"}],"wrapping_message":null}],
         "shipping_addresses":[{"id":1,"first_name":"Zo\u00eb","last_name":"Smith","street_1":"1 High St","street_2":null,"city":"London","zip":"N1 1AA","country_iso2":"GB","shipping_method":"Royal Mail"}]}
        """;

    [Fact]
    public void GetOrder_OrderWrittenFromTheSchema_MoneyAddsUp()
    {
        var order = Map(Joined);

        Assert.Equal(("9007199254740993", "9007199254740995", "GBP"), (order.ChannelOrderId, order.Lines[0].ChannelLineId, order.Currency));
        Assert.Equal((" LAMP-1 ", null), (order.Lines[0].ChannelSku, order.Lines[1].ChannelSku));
        Assert.Equal((12.00m, 2.00m, 4.00m), (order.Lines[0].UnitPrice, order.Lines[0].Discount, order.Lines[0].Tax));
        Assert.Equal([("manual", 2.00m, true), ("coupon", 1.00m, true)], order.Discounts!.Select(d => (d.Code, d.Amount, d.AllocatedToLines)));
        Assert.Equal([("shipping", 6.00m), ("gift wrapping", 2.50m)], order.ShippingCharges!.Select(c => (c.Title, c.Price)));
        Assert.Equal((35.50m, 6.42m, true), (order.Totals!.Total, order.Totals.Tax, order.Totals.TaxIncluded));
        Assert.Null(OrderMoney.CheckTotals(order));
        Assert.Equal((9.00m, 2.00m), (OrderMoney.UnitNet(order, order.Lines[0]), OrderMoney.UnitTax(order.Lines[0])));
        Assert.Equal(("Leave it with the neighbour – no. 12", "Alles Gute – Oma"), (order.Notes?.BuyerNote, order.Notes?.GiftMessage));
    }

    [Fact]
    public void GetOrder_DiscountsNotOnTheProducts_TakenOffTheOrder()
    {
        var order = Map(Joined.Replace("\"applied_discounts\"", "\"other_discounts\"", StringComparison.Ordinal));

        Assert.All(order.Discounts!, d => Assert.False(d.AllocatedToLines));
        Assert.Null(order.Lines[0].Discount);
        Assert.Null(OrderMoney.CheckTotals(order));
        Assert.Equal((8.80m, 4.40m), (OrderMoney.UnitNet(order, order.Lines[0]), OrderMoney.UnitNet(order, order.Lines[1])));
    }

    [Fact]
    public void GetOrder_TotalIncTaxNotTheSumOfItsParts_IsAMismatch()
    {
        var order = Map(Joined.Replace("\"total_inc_tax\":\"35.5000\"", "\"total_inc_tax\":\"40.0000\"", StringComparison.Ordinal));

        Assert.Contains("40.0000 GBP", OrderMoney.CheckTotals(order), StringComparison.Ordinal);
    }

    private static CanonicalOrder Map(string json)
    {
        using var document = JsonDocument.Parse(json);
        return BigCommerceOrderMapper.Map(document.RootElement, TestAccounts.For("bigcommerce"));
    }
}
