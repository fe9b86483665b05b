using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Sync.Tests.Support;

namespace Omnichannel.Sync.Tests.Pushing;

public sealed class ChannelOutageTests
{
    [Fact]
    public async Task RetryPending_ChannelDownThenUp_ReportsFailingThenPushesCurrentFigure()
    {
        await using var h = await SyncHarness.CreateAsync(new Dictionary<string, string?> { ["Sync:FailingAfter"] = "3" });
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-d", ("shopify", new StockRule()), ("ebay", new StockRule()));
        await h.MoveAsync("sku-d", MovementKind.Receipt, "wh", 10);
        await h.DrainQueueAsync();
        var ebay = h.Channels["ebay"];
        ebay.Down = true;

        await h.MoveAsync("sku-d", MovementKind.PosSale, "wh", 1);
        await h.DrainQueueAsync();
        await h.Engine.RetryPendingAsync(default);
        await h.MoveAsync("sku-d", MovementKind.PosSale, "wh", 1);
        await h.DrainQueueAsync();

        var down = await h.StateAsync("ebay", "sku-d");
        Assert.Equal(3, down.Failures);
        Assert.Equal(8, down.Pending);
        Assert.Contains("503", down.LastError, StringComparison.Ordinal);
        Assert.Equal(10, ebay.ShownFor("ebay-sku-d"));
        Assert.Equal(8, h.Channels["shopify"].ShownFor("shopify-sku-d"));

        ebay.Down = false;
        await h.MoveAsync("sku-d", MovementKind.PosSale, "wh", 1);
        await h.Engine.RetryPendingAsync(default);

        Assert.Equal(7, ebay.ShownFor("ebay-sku-d"));
        var up = await h.StateAsync("ebay", "sku-d");
        Assert.Equal((7, 0), (up.Pushed!.Value, up.Failures));
        Assert.Null(up.Pending);
        Assert.Empty(await h.State.PendingAsync(default));
    }
}
