using System.Text.Json;
using Omnichannel.Channels.Adapters.Amazon;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Contracts.Amazon;

/// <summary>An Orders v0 order and its items written from the model's <c>Order</c> and <c>OrderItem</c> definitions, checked against them and mapped.</summary>
public sealed class AmazonOrderContractTests
{
    private const string Order = """
        {"AmazonOrderId":"302-1234567-1234567","PurchaseDate":"2026-11-25T08:00:00Z","LastUpdateDate":"2026-11-25T08:05:00Z","OrderStatus":"Unshipped",
         "FulfillmentChannel":"MFN","ShipServiceLevel":"Std DE Dom","OrderTotal":{"CurrencyCode":"EUR","Amount":"52.80"},"MarketplaceId":"A1PA6795UKMFR9"}
        """;

    // EU: ItemPrice includes VAT (ItemTax is its VAT part); a promotion and shipping.
    private const string Item = """
        {"ASIN":"B00TEST001","SellerSKU":"  TEE-RED-M","OrderItemId":"68828574383266","Title":"T-Shirt \u00ab rot \u00bb","QuantityOrdered":2,"QuantityShipped":0,
         "ItemPrice":{"CurrencyCode":"EUR","Amount":"50.00"},"ItemTax":{"CurrencyCode":"EUR","Amount":"7.98"},
         "PromotionDiscount":{"CurrencyCode":"EUR","Amount":"2.10"},"PromotionDiscountTax":{"CurrencyCode":"EUR","Amount":"0.34"},
         "ShippingPrice":{"CurrencyCode":"EUR","Amount":"4.90"},"ShippingTax":{"CurrencyCode":"EUR","Amount":"0.78"},
         "BuyerInfo":{"GiftMessageText":"F\u00fcr Zo\u00eb"}}
        """;

    [Fact]
    public void GetOrderItems_EuItemWithPromotionAndShipping_ConformsTaxIncludedAndAddsUp()
    {
        var orders = OpenApiContract.Load(ContractSpecs.PathOf("amazon", "ordersV0.json"));
        Assert.Empty(orders.CheckSchema("Order", Order));
        Assert.Empty(orders.CheckSchema("OrderItem", Item));
        using var order = JsonDocument.Parse(Order);
        using var item = JsonDocument.Parse(Item);

        var mapped = AmazonOrderMapper.Map(order.RootElement, [item.RootElement], TestAccounts.For("amazon"));

        Assert.True(mapped.Totals!.TaxIncluded);
        Assert.Null(OrderMoney.CheckTotals(mapped));
        Assert.Equal((25m, 2.10m, 7.64m), (mapped.Lines[0].UnitPrice, mapped.Lines[0].Discount, mapped.Lines[0].Tax));
        Assert.Equal("Für Zoë", mapped.Notes?.GiftMessage);
    }
}
