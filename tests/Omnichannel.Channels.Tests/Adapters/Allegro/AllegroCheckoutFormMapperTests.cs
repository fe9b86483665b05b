using System.Text.Json;
using Omnichannel.Channels.Adapters.Allegro;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Adapters.Allegro;

/// <summary>
/// <c>getOrdersDetailsUsingGET</c> (GET /order/checkout-forms/{id}) answers written from the <c>CheckoutForm</c> schema
/// of Allegro's REST API (the spec is reference only, unlicensed, not vendored). Traps: offer ids above 2^53, escaped
/// non-ASCII, an empty and a padded external id (the SKU), nulls.
/// </summary>
public sealed class AllegroCheckoutFormMapperTests
{
    private const string Form = """
        {"id":"29b5a9b0-3c2d-11ef-9a3b-0d2f1c4e5a6b","messageToSeller":"Prosz\u0119 zadzwoni\u0107 przed dostaw\u0105",
         "buyer":{"id":"12345","email":"jan@example.com","login":"jan_k","firstName":"Jan","lastName":"Kowalski","phoneNumber":null},
         "status":"READY_FOR_PROCESSING","updatedAt":"2026-11-30T10:15:00.000Z","revision":"a1",
         "delivery":{"address":{"firstName":"Jan","lastName":"Kowalski","street":"ul. \u0141\u0105kowa 5","city":"\u0141\u00f3d\u017a","zipCode":"90-001","countryCode":"PL","phoneNumber":null},
           "method":{"id":"m1","name":"Kurier DPD"},"pickupPoint":null,"cost":{"amount":"14.99","currency":"PLN"},"smart":false},
         "lineItems":[
           {"id":"0b1c2d3e-0000-4000-8000-000000000001","offer":{"id":"9007199254740993","name":"Kubek \u201ezielony\u201d","external":{"id":"  KUB-01 "}},
            "quantity":3,"originalPrice":{"amount":"40.00","currency":"PLN"},"price":{"amount":"35.00","currency":"PLN"},
            "discounts":[{"type":"UNIT_PERCENTAGE_DISCOUNT"}],"tax":{"rate":"23.00","subject":"GOODS","exemption":null},"boughtAt":"2026-11-30T10:00:00.000Z",
            "selectedAdditionalServices":[{"definitionId":"GIFT_WRAP","name":"Pakowanie na prezent","price":{"amount":"5.00","currency":"PLN"},"quantity":1}]},
           {"id":"0b1c2d3e-0000-4000-8000-000000000002","offer":{"id":"9007199254740995","name":"Talerz","external":{"id":""}},
            "quantity":1,"originalPrice":{"amount":"19.99","currency":"PLN"},"price":{"amount":"19.99","currency":"PLN"},"discounts":[],"tax":null,"boughtAt":"2026-11-30T10:00:00.000Z"}],
         "surcharges":[],"note":{"text":"seller's own note"},"marketplace":{"id":"allegro-pl"},
         "summary":{"totalToPay":{"amount":"144.98","currency":"PLN"}}}
        """;

    [Fact]
    public void GetCheckoutForm_FormWrittenFromTheSchema_MoneyAddsUp()
    {
        var order = Map(Form);

        Assert.Equal("PLN", order.Currency);
        Assert.Equal(("9007199254740993", "  KUB-01 ", "Kubek „zielony”"), (order.Lines[0].ChannelItemId, order.Lines[0].ChannelSku, order.Lines[0].Title));
        Assert.Null(order.Lines[1].ChannelSku);
        Assert.Equal((40.00m, 15.00m, (decimal?)null), (order.Lines[0].UnitPrice, order.Lines[0].Discount, order.Lines[0].Tax));
        Assert.Null(order.Lines[1].Discount);
        Assert.Equal([("Kurier DPD", 14.99m), ("Pakowanie na prezent", 5.00m)], order.ShippingCharges!.Select(c => (c.Title, c.Price)));
        Assert.Equal((144.98m, true), (order.Totals!.Total, order.Totals.TaxIncluded));
        Assert.Null(OrderMoney.CheckTotals(order));
        Assert.Equal(35.00m, OrderMoney.UnitNet(order, order.Lines[0]));
        Assert.Equal("Proszę zadzwonić przed dostawą", order.Notes?.BuyerNote);
    }

    [Fact]
    public void GetCheckoutForm_TotalToPayNotTheSumOfItsParts_IsAMismatch()
    {
        var order = Map(Form.Replace("\"144.98\"", "\"150.00\"", StringComparison.Ordinal));

        Assert.Contains("150.00 PLN", OrderMoney.CheckTotals(order), StringComparison.Ordinal);
    }

    [Fact]
    public void GetCheckoutForm_NoMessageAndNoDeliveryCost_NoNotesAndNoCharges()
    {
        var order = Map(Form
            .Replace("\"messageToSeller\":\"Prosz\\u0119 zadzwoni\\u0107 przed dostaw\\u0105\",", string.Empty, StringComparison.Ordinal)
            .Replace("\"cost\":{\"amount\":\"14.99\",\"currency\":\"PLN\"},", string.Empty, StringComparison.Ordinal)
            .Replace("\"144.98\"", "\"129.99\"", StringComparison.Ordinal));

        Assert.Null(order.Notes);
        Assert.Equal(["Pakowanie na prezent"], order.ShippingCharges!.Select(c => c.Title));
        Assert.Null(OrderMoney.CheckTotals(order));
    }

    private static CanonicalOrder Map(string json)
    {
        using var document = JsonDocument.Parse(json);
        return AllegroCheckoutFormMapper.Map(document.RootElement, TestAccounts.For("allegro"));
    }
}
