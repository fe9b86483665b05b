using System.Text.Json;
using Omnichannel.Channels.Adapters.Walmart;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Adapters.Walmart;

/// <summary>
/// <c>getAnOrder</c> (GET /v3/orders/{purchaseOrderId}) orders written from the orders schema of Walmart's Marketplace
/// API (the spec is reference only, unlicensed, not vendored). Traps: a purchase order id above 2^53 as a number,
/// escaped non-ASCII, an empty and a padded SKU, null address lines, a negative PRODUCT charge.
/// </summary>
public sealed class WalmartOrderMapperTests
{
    private const string Order = """
        {"purchaseOrderId":9007199254740993,"customerOrderId":"5281956426648","customerEmailId":"buyer@relay.walmart.com","orderDate":1795600000000,
         "shippingInfo":{"phone":"2342423234","methodCode":"Standard","postalAddress":{"name":"Jos\u00e9 N\u00fa\u00f1ez","address1":"1 Main St","address2":null,"city":"Warners","state":"NY","postalCode":"13164","country":"USA"}},
         "orderLines":{"orderLine":[
           {"lineNumber":"1","item":{"productName":"Caf\u00e9 mug \u2013 blue","sku":" MUG-1 "},"orderLineQuantity":{"unitOfMeasurement":"EACH","amount":"1"},
            "charges":{"charge":[
              {"chargeType":"PRODUCT","chargeName":"ItemPrice","chargeAmount":{"currency":"USD","amount":24.99},"tax":{"taxName":"Sales Tax","taxAmount":{"currency":"USD","amount":2.00}}},
              {"chargeType":"PRODUCT","chargeName":"SubscriptionDiscount","chargeAmount":{"currency":"USD","amount":-2.50},"tax":{"taxName":"Sales Tax","taxAmount":{"currency":"USD","amount":-0.20}}},
              {"chargeType":"SHIPPING","chargeName":"Shipping","chargeAmount":{"currency":"USD","amount":5.99},"tax":{"taxName":"Sales Tax","taxAmount":{"currency":"USD","amount":0.48}}}]}},
           {"lineNumber":"2","item":{"productName":"Plate","sku":""},"orderLineQuantity":{"unitOfMeasurement":"EACH","amount":"1"},
            "charges":{"charge":[{"chargeType":"PRODUCT","chargeName":"ItemPrice","chargeAmount":{"currency":"USD","amount":10.00},"tax":null}]}}]},
         "orderSummary":{"totalAmount":{"currencyAmount":40.76,"currencyUnit":"USD"},"orderSubTotals":[]}}
        """;

    [Fact]
    public void GetAnOrder_OrderWrittenFromTheSchema_MoneyAddsUp()
    {
        var order = Map(Order);

        Assert.Equal(("9007199254740993", "USD"), (order.ChannelOrderId, order.Currency));
        Assert.Equal((" MUG-1 ", "Café mug – blue"), (order.Lines[0].ChannelSku, order.Lines[0].Title));
        Assert.Null(order.Lines[1].ChannelSku);
        Assert.Equal((24.99m, 2.50m, 1.80m), (order.Lines[0].UnitPrice, order.Lines[0].Discount, order.Lines[0].Tax));
        Assert.Equal((10.00m, (decimal?)null, (decimal?)null), (order.Lines[1].UnitPrice, order.Lines[1].Discount, order.Lines[1].Tax));
        Assert.Equal([("Shipping", 5.99m, 0.48m)], order.ShippingCharges!.Select(c => (c.Title, c.Price, c.Tax)));
        Assert.Equal((40.76m, 2.28m, false), (order.Totals!.Total, order.Totals.Tax, order.Totals.TaxIncluded));
        Assert.Null(OrderMoney.CheckTotals(order));
        Assert.Equal((22.49m, 1.80m), (OrderMoney.UnitNet(order, order.Lines[0]), OrderMoney.UnitTax(order.Lines[0])));
    }

    [Fact]
    public void GetAnOrder_TotalAmountNotTheSumOfItsParts_IsAMismatch()
    {
        var order = Map(Order.Replace("40.76", "44.06", StringComparison.Ordinal));

        Assert.Contains("44.06 USD", OrderMoney.CheckTotals(order), StringComparison.Ordinal);
    }

    [Fact]
    public void GetAnOrder_NoOrderSummary_NoTotalsToCheck()
    {
        var order = Map(Order.Replace("\"orderSummary\"", "\"unknownSummary\"", StringComparison.Ordinal));

        Assert.Null(order.Totals);
        Assert.Null(OrderMoney.CheckTotals(order));
        Assert.Equal(24.99m, order.Lines[0].UnitPrice);
    }

    private static CanonicalOrder Map(string json)
    {
        using var document = JsonDocument.Parse(json);
        return WalmartOrderMapper.Map(document.RootElement, TestAccounts.For("walmart"));
    }
}
