using System.Text.Json;
using Omnichannel.Channels.Adapters.Etsy;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Contracts.Etsy;

/// <summary>A <c>getShopReceipt</c> answer written from the v3 <c>ShopReceipt</c> schema (no example in the spec), checked against it and mapped.</summary>
public sealed class EtsyReceiptContractTests
{
    // Traps: ids above 2^53, escaped non-ASCII, an empty SKU, a null buyer message (nullable in the schema).
    private const string Receipt = """
        {"receipt_id":9007199254740993,"receipt_type":0,"seller_user_id":1,"buyer_user_id":2,"buyer_email":"zoe@example.com","name":"Zo\u00eb M\u00fcller",
         "first_line":"Stra\u00dfe 1","city":"K\u00f6ln","zip":"50667","country_iso":"DE","status":"paid","is_paid":true,"is_shipped":false,
         "create_timestamp":1795600000,"updated_timestamp":1795600100,"message_from_buyer":null,"is_gift":true,"gift_message":"F\u00fcr dich \ud83c\udf81",
         "grandtotal":{"amount":5389,"divisor":100,"currency_code":"EUR"},"subtotal":{"amount":4500,"divisor":100,"currency_code":"EUR"},
         "total_price":{"amount":5000,"divisor":100,"currency_code":"EUR"},"total_shipping_cost":{"amount":490,"divisor":100,"currency_code":"EUR"},
         "total_tax_cost":{"amount":0,"divisor":100,"currency_code":"EUR"},"total_vat_cost":{"amount":399,"divisor":100,"currency_code":"EUR"},
         "discount_amt":{"amount":500,"divisor":100,"currency_code":"EUR"},"gift_wrap_price":{"amount":0,"divisor":100,"currency_code":"EUR"},
         "transactions":[{"transaction_id":9007199254740995,"title":"Becher \u00ab gr\u00fcn \u00bb","quantity":2,"listing_id":9007199254740997,"product_id":12,"sku":"",
           "price":{"amount":2500,"divisor":100,"currency_code":"EUR"},"shipping_cost":{"amount":490,"divisor":100,"currency_code":"EUR"}}]}
        """;

    [Fact]
    public void GetShopReceipt_ReceiptWrittenFromTheSchema_ConformsAndMoneyAddsUp()
    {
        var etsy = OpenApiContract.Load(ContractSpecs.PathOf("etsy", "baseline.json"));
        Assert.Empty(etsy.CheckSchema("ShopReceipt", Receipt));
        using var document = JsonDocument.Parse(Receipt);

        var order = EtsyReceiptMapper.Map(document.RootElement, TestAccounts.For("etsy"));

        Assert.Equal(("9007199254740993", "9007199254740995", null), (order.ChannelOrderId, order.Lines[0].ChannelLineId, order.Lines[0].ChannelSku));
        Assert.Equal((53.89m, 3.99m), (order.Totals!.Total, order.Totals.Tax));
        Assert.Null(OrderMoney.CheckTotals(order));
        Assert.Equal(22.50m, OrderMoney.UnitNet(order, order.Lines[0]));
        Assert.Equal((null, "Für dich 🎁"), (order.Notes?.BuyerNote, order.Notes?.GiftMessage));
    }
}
