using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Sync.Tests.Support;

namespace Omnichannel.Sync.Tests.Pushing;

public sealed class StockSyncEngineTests
{
    private static readonly StockRule All = new();

    [Fact]
    public async Task HandleStockChanged_PosSale_ChangesFigureOnEveryOtherChannelListingTheSku()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-1", ("shopify", All), ("ebay", All), ("etsy", All));
        await h.AddProductAsync("sku-other", ("walmart", All));
        await h.MoveAsync("sku-1", MovementKind.Receipt, "store", 10);
        await h.MoveAsync("sku-1", MovementKind.Receipt, "wh", 20);
        await h.DrainQueueAsync();

        await h.MoveAsync("sku-1", MovementKind.PosSale, "store", 3);
        Assert.Equal(1, await h.DrainQueueAsync());

        foreach (var channel in new[] { "shopify", "ebay", "etsy" })
        {
            Assert.Equal(27, h.Channels[channel].ShownFor(SyncHarness.ItemId(channel, "sku-1")));
            Assert.Equal(2, h.Channels[channel].Calls.Count);
            var state = await h.StateAsync(channel, "sku-1");
            Assert.Equal(27, state.Pushed);
            Assert.Null(state.Pending);
        }

        Assert.Empty(h.Channels["walmart"].Calls);
    }

    [Fact]
    public async Task SyncSku_BufferShareAndLocationRules_PushEachListingsOwnFigure()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync(
            "sku-r",
            ("shopify", new StockRule(BufferUnits: 2)),
            ("ebay", new StockRule(AllowedLocations: ["wh"])),
            ("etsy", new StockRule(SharePercent: 50)),
            ("amazon", All));
        await h.MoveAsync("sku-r", MovementKind.Receipt, "store", 5);
        await h.MoveAsync("sku-r", MovementKind.Receipt, "wh", 10);
        await h.MoveAsync("sku-r", MovementKind.Receipt, "fba", 7);

        await h.Engine.SyncSkuAsync("sku-r", null, default);

        Assert.Equal(13, h.Channels["shopify"].ShownFor("shopify-sku-r"));
        Assert.Equal(10, h.Channels["ebay"].ShownFor("ebay-sku-r"));
        Assert.Equal(7, h.Channels["etsy"].ShownFor("etsy-sku-r"));
        Assert.Equal(22, h.Channels["amazon"].ShownFor("amazon-sku-r"));
    }

    [Fact]
    public async Task SyncSku_FigureUnchanged_MakesNoCall()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-u", ("shopify", new StockRule(AllowedLocations: ["wh"])));
        await h.MoveAsync("sku-u", MovementKind.Receipt, "wh", 4);
        await h.Engine.SyncSkuAsync("sku-u", null, default);

        await h.MoveAsync("sku-u", MovementKind.Receipt, "store", 9);
        var result = await h.Engine.SyncSkuAsync("sku-u", null, default);

        Assert.Empty(result.Pushes);
        Assert.Single(h.Channels["shopify"].Calls);
    }

    [Fact]
    public async Task HandleStockChanged_100ChangesWhileHandling_EndsOnTheRightFigure()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-b", ("shopify", All), ("ebay", All));
        await h.MoveAsync("sku-b", MovementKind.Receipt, "wh", 500);
        await h.DrainQueueAsync();
        var before = h.Channels["shopify"].Calls.Count;

        // Changes and handlers run at the same time, as on a busy day: 100 sales while the queue is drained.
        var sales = Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await h.MoveAsync("sku-b", MovementKind.PosSale, "wh", 1);
            }
        });
        var handled = 0;
        while (!sales.IsCompleted)
        {
            handled += await h.DrainQueueAsync(parallel: 16);
        }

        await sales;
        handled += await h.DrainQueueAsync(parallel: 16);

        Assert.Equal(400, h.Channels["shopify"].ShownFor("shopify-sku-b"));
        Assert.Equal(400, h.Channels["ebay"].ShownFor("ebay-sku-b"));
        Assert.Equal(400, (await h.StateAsync("shopify", "sku-b")).Pushed);
        // Never more pushes than handled changes; each handler reads the newest figure, so most find it already pushed.
        Assert.InRange(h.Channels["shopify"].Calls.Count - before, 1, handled);
    }

    [Fact]
    public async Task HandleStockChanged_BurstQueuedBeforeHandling_OnePushPerListing()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-q", ("shopify", All), ("ebay", All));
        await h.MoveAsync("sku-q", MovementKind.Receipt, "wh", 500);
        await h.DrainQueueAsync();
        for (var i = 0; i < 100; i++)
        {
            await h.MoveAsync("sku-q", MovementKind.PosSale, "wh", 1);
        }

        Assert.Equal(100, await h.DrainQueueAsync(parallel: 16));

        Assert.Equal(2, h.Channels["shopify"].CallsFor("shopify-sku-q"));
        Assert.Equal(2, h.Channels["ebay"].CallsFor("ebay-sku-q"));
        Assert.Equal(400, h.Channels["shopify"].ShownFor("shopify-sku-q"));
    }
}
