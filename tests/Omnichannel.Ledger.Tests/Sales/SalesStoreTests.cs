using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Tests.Sales;

public sealed class SalesStoreTests
{
    [Fact]
    public async Task ReportAsync_SalesOverTwoDays_SumsUnitsAndRevenuePerSkuChannelAndDay()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "store", 100);
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 100);

        await h.MoveAsync("SKU-1", MovementKind.PosSale, "store", 2, key: "pos-1", price: 9.99m);
        await h.MoveAsync("SKU-1", MovementKind.PosSale, "store", 2, key: "pos-1", price: 9.99m);
        await h.MoveAsync("SKU-1", MovementKind.Reserve, "wh", 3, source: new MovementSource("ebay", "o-1"));
        await h.MoveAsync("SKU-1", MovementKind.Ship, "wh", 3, source: new MovementSource("ebay", "o-1"), price: 10m);
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.MoveAsync("SKU-1", MovementKind.PosSale, "store", 1, price: 10m);
        await h.MoveAsync("SKU-1", MovementKind.Return, "store", 1, source: new MovementSource("ebay", "o-1"), condition: ReturnCondition.Sellable, price: 10m);
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.MoveAsync("SKU-1", MovementKind.PosSale, "store", 5, price: 1m);

        var day1 = DateOnly.FromDateTime(LedgerHarness.Start.UtcDateTime);
        var report = await h.Sales.ReportAsync(day1, day1.AddDays(1), null, null, default);

        Assert.Equal(
            new[]
            {
                (day1, "ebay", 3L, 30m),
                (day1, "pos", 2L, 19.98m),
                (day1.AddDays(1), "ebay", -1L, -10m),
                (day1.AddDays(1), "pos", 1L, 10m),
            },
            report.Select(r => (r.Day, r.Channel, r.Units, r.Revenue)));
        Assert.Single(await h.Sales.ReportAsync(day1, day1, "ebay", "SKU-1", default));
    }
}
