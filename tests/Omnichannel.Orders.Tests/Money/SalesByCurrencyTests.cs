using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;

namespace Omnichannel.Orders.Tests.Money;

/// <summary>Orders in two currencies, with discounts, tax and shipping, shipped: the sales report keeps each currency's net revenue and tax apart.</summary>
public sealed class SalesByCurrencyTests
{
    [Fact]
    public async Task PlnAndEurOrdersWithDiscountsAndShipping_Shipped_SalesReportNetRevenuePerCurrencyTaxApart()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        // EUR, tax on top: 2 × 25.00 − 5.00 line discount − 10.00 order code + 4.90 shipping + 9.48 tax = 49.38; net 35.00.
        var eur = Order("EUR-1", "EUR", Samples.Tee, 2, 25.00m, discount: 5.00m, tax: 8.55m, shipping: 4.90m, shippingTax: 0.93m, orderDiscount: 10.00m, total: 49.38m, taxIncluded: false, note: "Leave at the back door", gift: "Happy birthday, Zoë!");
        // PLN, tax included: 3 × 39.99 − 9.99 + 15.00 shipping = 124.98; net 119.97 − 9.99 − 20.57 tax = 89.41.
        var pln = Order("PLN-1", "PLN", Samples.Mug, 3, 39.99m, discount: 9.99m, tax: 20.57m, shipping: 15.00m, shippingTax: 2.80m, orderDiscount: 0m, total: 124.98m, taxIncluded: true, note: null, gift: null);
        // The channel says 99.00 where its parts make 49.00: flagged, not corrected.
        var wrong = Order("BAD-1", "EUR", Samples.Tee, 1, 49.00m, discount: 0m, tax: null, shipping: 0m, shippingTax: null, orderDiscount: 0m, total: 99.00m, taxIncluded: true, note: null, gift: null);

        foreach (var (body, i) in new[] { eur, pln, wrong }.Select((b, i) => (b, i)))
        {
            Assert.True((await hub.PostGenericAsync("rakuten", body, $"money-{i}")).IsSuccessStatusCode);
        }

        var eurId = OrderId.For("rakuten", "main", "EUR-1");
        var plnId = OrderId.For("rakuten", "main", "PLN-1");
        var awaiting = await hub.WaitForStatusAsync(eurId, OrderStatus.AwaitingShipment);
        await hub.WaitForStatusAsync(plnId, OrderStatus.AwaitingShipment);
        var flagged = await hub.WaitForStatusAsync(OrderId.For("rakuten", "main", "BAD-1"), OrderStatus.AwaitingShipment);
        Assert.Contains(OrderFlags.TotalsMismatch, flagged.StoredFlags);
        Assert.DoesNotContain(OrderFlags.TotalsMismatch, awaiting.StoredFlags);
        var request = Assert.Single(awaiting.Fulfilment);
        Assert.Equal(("Leave at the back door", "Happy birthday, Zoë!"), (request.Notes?.BuyerNote, request.Notes?.GiftMessage));

        Assert.True((await hub.ConfirmShipmentAsync(eurId, "T-EUR")).IsSuccessStatusCode);
        Assert.True((await hub.ConfirmShipmentAsync(plnId, "T-PLN")).IsSuccessStatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await hub.WaitForEndAsync(eurId)).RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await hub.WaitForEndAsync(plnId)).RuntimeStatus);

        var today = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var report = await hub.Client.GetFromJsonAsync<JsonElement>(new Uri($"api/reports/sales-by-channel?from={today}&to={today}&channel=rakuten", UriKind.Relative));
        var byCurrency = report.GetProperty("byCurrency").EnumerateArray()
            .Select(c => (c.GetProperty("currency").GetString(), c.GetProperty("units").GetInt64(), c.GetProperty("netRevenue").GetDecimal(), c.GetProperty("tax").GetDecimal())).ToList();
        Assert.Equal([("EUR", 2L, 35.00m, 8.55m), ("PLN", 3L, 89.41m, 20.57m)], byCurrency);
    }

    private static string Order(string id, string currency, string sku, int quantity, decimal unitPrice, decimal discount, decimal? tax, decimal shipping, decimal? shippingTax, decimal orderDiscount, decimal total, bool taxIncluded, string? note, string? gift) =>
        JsonSerializer.Serialize(new
        {
            event_type = "order.created",
            order = new
            {
                id,
                placed_at = "2026-11-25T09:00:00Z",
                currency,
                note,
                gift_message = gift,
                lines = new[] { new { id = $"{id}-0", sku, quantity, unit_price = unitPrice, discount, tax } },
                shipping_charges = new[] { new { title = "Courier", amount = shipping, tax = shippingTax } },
                discounts = orderDiscount == 0 ? [] : new[] { new { code = "WELCOME", amount = orderDiscount } },
                totals = new { total, tax = (tax ?? 0) + (shippingTax ?? 0), tax_included = taxIncluded },
            },
        });
}
