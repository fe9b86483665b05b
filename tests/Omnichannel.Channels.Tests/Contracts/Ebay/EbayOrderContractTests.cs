using System.Text.Json;
using Omnichannel.Channels.Adapters.Ebay;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Contracts.Ebay;

/// <summary>An eBay <c>getOrders</c> order written from the Sell Fulfillment v1 <c>Order</c> schema (the spec gives no example), checked against it and mapped.</summary>
public sealed class EbayOrderContractTests
{
    // Traps: a padded SKU, escaped non-ASCII, an id beyond 2^53 (eBay ids are strings); no nulls: the schema allows none.
    private const string Order = """
        {"orderId":"12-34567-89012","creationDate":"2026-11-25T08:00:00.000Z","lastModifiedDate":"2026-11-25T08:05:00.000Z",
         "orderFulfillmentStatus":"NOT_STARTED","orderPaymentStatus":"PAID","buyerCheckoutNotes":"Bitte nicht kn\u00fccken",
         "pricingSummary":{"priceSubtotal":{"value":"60.00","currency":"EUR"},"priceDiscount":{"value":"-5.00","currency":"EUR"},
           "deliveryCost":{"value":"4.90","currency":"EUR"},"tax":{"value":"0.00","currency":"EUR"},"total":{"value":"59.90","currency":"EUR"}},
         "buyer":{"username":"z\u00f6e_1","buyerRegistrationAddress":{"fullName":"Zo\u00eb M\u00fcller","email":"zoe@example.com"}},
         "lineItems":[{"lineItemId":"10000000000000001","legacyItemId":"110551234567","sku":" MUG-01 ","title":"Tasse \u00ab blau \u00bb","quantity":3,
           "lineItemCost":{"value":"60.00","currency":"EUR"},"discountedLineItemCost":{"value":"55.00","currency":"EUR"},
           "appliedPromotions":[{"promotionId":"P1","description":"5 off","discountAmount":{"value":"5.00","currency":"EUR"}}],
           "taxes":[],"lineItemFulfillmentStatus":"NOT_STARTED"}],
         "fulfillmentStartInstructions":[{"fulfillmentInstructionsType":"SHIP_TO","shippingStep":{"shipTo":{"fullName":"Zo\u00eb M\u00fcller",
           "contactAddress":{"addressLine1":"Stra\u00dfe 1","city":"K\u00f6ln","postalCode":"50667","countryCode":"DE"}}}}]}
        """;

    [Fact]
    public void GetOrders_OrderWrittenFromTheSchema_ConformsAndMoneyAddsUp()
    {
        var fulfillment = OpenApiContract.Load(ContractSpecs.PathOf("ebay", "sell_fulfillment_v1_oas3.json"));
        Assert.Empty(fulfillment.CheckSchema("Order", Order));
        using var document = JsonDocument.Parse(Order);

        var order = EbayOrderMapper.Map(document.RootElement, TestAccounts.For("ebay"));

        Assert.Equal(("EUR", " MUG-01 ", "Tasse « blau »"), (order.Currency, order.Lines[0].ChannelSku, order.Lines[0].Title));
        Assert.Equal((20m, 5m), (order.Lines[0].UnitPrice, order.Lines[0].Discount));
        Assert.Equal(59.90m, order.Totals!.Total);
        Assert.Null(OrderMoney.CheckTotals(order));
        Assert.Equal("Bitte nicht knücken", order.Notes?.BuyerNote);
    }
}
