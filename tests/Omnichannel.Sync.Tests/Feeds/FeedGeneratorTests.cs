using System.Text;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Sync.Configuration;
using Omnichannel.Sync.Feeds;
using Omnichannel.Sync.Tests.Support;

namespace Omnichannel.Sync.Tests.Feeds;

public sealed class FeedGeneratorTests
{
    [Fact]
    public async Task Generate_GoogleLocalInventory_ListsEverySellableSkuAtEveryStoreWithValidFields()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.Catalogue.UpsertLocationAsync(new Location("store-2", "Second store", LocationKind.Store), default);
        foreach (var sku in new[] { "a", "b", "c", "no-price" })
        {
            await h.AddProductAsync(sku);
        }

        await h.MoveAsync("a", MovementKind.Receipt, "store", 5);
        await h.MoveAsync("b", MovementKind.Receipt, "store", 2);
        await h.MoveAsync("b", MovementKind.Receipt, "wh", 50);
        var prices = h.Get<PriceStore>();
        foreach (var sku in new[] { "a", "b", "c" })
        {
            await prices.SetAsync(new FeedPrice(sku, 12.5m, "EUR", null), default);
        }

        var result = await h.Get<FeedGenerator>().GenerateAsync("google-local", default);

        Assert.NotNull(result);
        Assert.Equal((6, 3), (result.Items, result.Skus));
        Assert.Empty(result.Rejected);
        Assert.Equal(["no-price"], result.SkippedWithoutPrice);
        var feed = await h.Get<FeedStore>().ReadAsync("google-local", FeedKind.GoogleLocalInventory, default);
        Assert.Equal(SyncHarness.Start, feed!.GeneratedAt);
        var lines = Encoding.UTF8.GetString(feed.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(FeedFormat.LocalInventoryHeader, lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split('\t')).Select(f => new LocalInventoryRow(f[0], f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), f[3], f[4])).ToList();
        Assert.All(rows, r => Assert.Empty(FeedValidator.Check(r)));
        Assert.Contains(new LocalInventoryRow("store", "a", 5, "in_stock", "12.50 EUR"), rows);
        Assert.Contains(new LocalInventoryRow("store", "b", 2, "limited_availability", "12.50 EUR"), rows);
        Assert.Contains(new LocalInventoryRow("store", "c", 0, "out_of_stock", "12.50 EUR"), rows);
        Assert.Contains(new LocalInventoryRow("store-2", "a", 0, "out_of_stock", "12.50 EUR"), rows);
    }

    [Fact]
    public async Task Generate_PriceComparison_WritesValidRowsAndRejectsOneWithoutLink()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.Catalogue.UpsertProductAsync(new Product("p-1", "Mug, \"large\"", Gtin: "4006381333931", Brand: "Acme"), default);
        await h.AddProductAsync("p-2");
        await h.AddProductAsync("p-3");
        await h.MoveAsync("p-1", MovementKind.Receipt, "wh", 9);
        var prices = h.Get<PriceStore>();
        await prices.SetAsync(new FeedPrice("p-1", 9.9m, "EUR", new Uri("https://shop.example/p-1")), default);
        await prices.SetAsync(new FeedPrice("p-2", 20m, "USD", new Uri("https://shop.example/p-2")), default);
        await prices.SetAsync(new FeedPrice("p-3", 5m, "EUR", null), default);

        var result = await h.Get<FeedGenerator>().GenerateAsync("price-comparison", default);

        Assert.Equal(2, result!.Items);
        var problem = Assert.Single(result.Rejected);
        Assert.Equal(("p-3", "link"), (problem.Id, problem.Field));
        var feed = await h.Get<FeedStore>().ReadAsync("price-comparison", FeedKind.PriceComparison, default);
        var text = Encoding.UTF8.GetString(feed!.Content);
        Assert.Equal(
            FeedFormat.PriceComparisonHeader + "\r\n"
            + "p-1,\"Mug, \"\"large\"\"\",Acme,4006381333931,,9.90,EUR,in_stock,9,https://shop.example/p-1\r\n"
            + "p-2,Product p-2,Acme,,,20.00,USD,out_of_stock,0,https://shop.example/p-2\r\n",
            text);
    }

    [Fact]
    public async Task Generate_UnknownFeed_ReturnsNull()
    {
        await using var h = await SyncHarness.CreateAsync();

        Assert.Null(await h.Get<FeedGenerator>().GenerateAsync("nope", default));
    }
}
