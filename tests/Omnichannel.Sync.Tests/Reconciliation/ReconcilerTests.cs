using Omnichannel.Channels.Outbound;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Sync.Tests.Support;

namespace Omnichannel.Sync.Tests.Reconciliation;

public sealed class ReconcilerTests
{
    [Fact]
    public async Task Run_InjectedDriftOnAChannel_ReportsAndFixesIt()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-x", ("shopify", new StockRule()), ("ebay", new StockRule()));
        await h.AddProductAsync("sku-y", ("shopify", new StockRule()));
        await h.MoveAsync("sku-x", MovementKind.Receipt, "wh", 12);
        await h.MoveAsync("sku-y", MovementKind.Receipt, "wh", 3);
        await h.DrainQueueAsync();

        // Someone edits the figure by hand in the channel's back office.
        await h.Channels["ebay"].SetAvailableQuantityAsync("main", new ListingQuantity("ebay-sku-x", 40), default);

        var report = await h.Reconciler.RunAsync(default);

        var drift = Assert.Single(report.Drifts);
        Assert.Equal(("ebay", "sku-x", 40, 12), (drift.Channel, drift.Sku, drift.Shown, drift.Expected));
        Assert.Equal((3, 3, 1, 1), (report.Listings, report.Read, report.Drifted, report.Fixed));
        Assert.Equal(12, h.Channels["ebay"].ShownFor("ebay-sku-x"));
        var state = await h.StateAsync("ebay", "sku-x");
        Assert.Equal((1, 40), (state.Drifts, state.LastDriftShown!.Value));
    }

    [Fact]
    public async Task Run_RuleChangedOnAChannelWithoutStockRead_PushesTheNewFigure()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-z", ("walmart", new StockRule()));
        await h.MoveAsync("sku-z", MovementKind.Receipt, "wh", 12);
        await h.DrainQueueAsync();
        await h.Catalogue.UpsertListingAsync(new ChannelListing("walmart", "main", "walmart-sku-z", null, "sku-z", new StockRule(BufferUnits: 5)), default);

        var report = await h.Reconciler.RunAsync(default);

        Assert.Equal((0, 1), (report.Drifted, report.Unreadable));
        Assert.Equal(7, h.Channels["walmart"].ShownFor("walmart-sku-z"));
    }
}
