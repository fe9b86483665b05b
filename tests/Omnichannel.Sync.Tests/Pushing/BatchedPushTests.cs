using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Sync.Pushing;
using Omnichannel.Sync.Tests.Support;

namespace Omnichannel.Sync.Tests.Pushing;

public sealed class BatchedPushTests
{
    private static readonly StockRule All = new();

    [Fact]
    public async Task HandleStockChanged_BurstAcrossManySkusOnABatchingChannel_FewCallsEndingOnTheRightFigures()
    {
        // A long window on the fake clock: calls go out only when a full call's worth (10) has gathered.
        await using var h = await SyncHarness.CreateAsync(new Dictionary<string, string?> { ["Sync:BatchWindow"] = "00:00:10" });
        var shopify = h.Channels["shopify"];
        shopify.MaxPerCall = 10;
        await WarmUpAsync(h);
        await h.AddLocationsAsync();
        var skus = Enumerable.Range(0, 30).Select(i => $"sku-{i:D2}").ToList();
        foreach (var sku in skus)
        {
            await h.AddProductAsync(sku, ("shopify", All), ("ebay", All));
            await h.MoveAsync(sku, MovementKind.Receipt, "wh", 20);
        }

        await h.DrainQueueAsync(parallel: 16).WaitAsync(TimeSpan.FromMinutes(1));
        shopify.Batches.Clear();
        foreach (var sku in skus)
        {
            await h.MoveAsync(sku, MovementKind.PosSale, "wh", 1 + (sku.GetHashCode(StringComparison.Ordinal) & 3));
        }

        Assert.Equal(30, await h.DrainQueueAsync(parallel: 16).WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.Equal([10, 10, 10], shopify.Batches.Select(b => b.Count));
        foreach (var sku in skus)
        {
            var expected = 20 - (1 + (sku.GetHashCode(StringComparison.Ordinal) & 3));
            Assert.Equal(expected, shopify.ShownFor(SyncHarness.ItemId("shopify", sku)));
            Assert.Equal(expected, h.Channels["ebay"].ShownFor(SyncHarness.ItemId("ebay", sku)));
            Assert.Equal((expected, (int?)null), ((await h.StateAsync("shopify", sku)).Pushed!.Value, (await h.StateAsync("shopify", sku)).Pending));
        }

        Assert.Empty(h.Channels["ebay"].Batches);
    }

    [Fact]
    public async Task Push_FewerThanACallsWorth_WaitsForTheWindowThenOneCall()
    {
        await using var h = await SyncHarness.CreateAsync(new Dictionary<string, string?> { ["Sync:BatchWindow"] = "00:00:01" });
        var shopify = h.Channels["shopify"];
        shopify.MaxPerCall = 10;
        var pushes = Enumerable.Range(0, 3).Select(i => new ListingPush($"s{i}", $"k{i}", "shopify", "main", $"item-{i}", null, i, 1, "claim")).ToList();
        await WarmUpAsync(h);

        var waiting = h.Time.NextTimer();
        var pushing = h.Get<ChannelPusher>().PushAsync(pushes, default);
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        h.Time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(pushing.IsCompleted);
        Assert.Equal(["warm-up"], shopify.Calls.Select(c => c.Listing.ChannelSku));
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        var outcomes = await pushing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Equal(3, Assert.Single(shopify.Batches).Count);
    }

    [Fact]
    public async Task RetryPending_BatchPartlyRefused_RetriesOnlyTheRefusedListingThenCorrect()
    {
        await using var h = await SyncHarness.CreateAsync(new Dictionary<string, string?> { ["Sync:BatchWindow"] = "00:00:10" });
        var shopify = h.Channels["shopify"];
        shopify.MaxPerCall = 12;
        await WarmUpAsync(h);
        await h.AddLocationsAsync();
        var skus = Enumerable.Range(0, 12).Select(i => $"sku-p{i:D2}").ToList();
        foreach (var sku in skus)
        {
            await h.AddProductAsync(sku, ("shopify", All));
            await h.MoveAsync(sku, MovementKind.Receipt, "wh", 9);
        }

        var refused = ShopifyItem("sku-p05");
        shopify.Refused[refused] = true;

        // Twelve SKUs synced at once: their twelve pushes fill exactly one call.
        await Task.WhenAll(skus.Select(sku => h.Engine.SyncSkuAsync(sku, null, default))).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(12, Assert.Single(shopify.Batches).Count);
        var failed = await h.StateAsync("shopify", "sku-p05");
        Assert.Equal((9, 1, (int?)null), (failed.Pending!.Value, failed.Failures, failed.Pushed));
        Assert.Contains("refused", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(["sku-p05"], (await h.State.PendingAsync(default)).Select(p => p.Sku));
        shopify.Refused.Clear();

        // The retry's lone push waits for the window to close.
        var waiting = h.Time.NextTimer();
        var retry = h.Engine.RetryPendingAsync(default);
        Assert.Equal(TimeSpan.FromSeconds(10), await waiting.WaitAsync(TimeSpan.FromMinutes(1)));
        h.Time.Advance(TimeSpan.FromSeconds(10));
        await retry.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal([refused], shopify.Calls.Skip(13).Select(c => c.Listing.ChannelSku));
        Assert.Equal(9, shopify.ShownFor(refused));
        Assert.All(skus.Where(s => s != "sku-p05"), sku => Assert.Equal(9, shopify.ShownFor(ShopifyItem(sku))));
        Assert.Empty(await h.State.PendingAsync(default));
        Assert.Equal(0, (await h.StateAsync("shopify", "sku-p05")).Failures);
    }

    [Fact]
    public async Task Sync_NewerFigureWhileItsBatchIsInFlight_WaitsThenTheNewestLandsLast()
    {
        await using var h = await SyncHarness.CreateAsync(new Dictionary<string, string?> { ["Sync:BatchWindow"] = "00:00:10" });
        var shopify = h.Channels["shopify"];
        shopify.MaxPerCall = 2;
        await WarmUpAsync(h);
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-a", ("shopify", All));
        await h.AddProductAsync("sku-b", ("shopify", All));
        await h.MoveAsync("sku-a", MovementKind.Receipt, "wh", 10);
        await h.MoveAsync("sku-b", MovementKind.Receipt, "wh", 5);
        var held = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        shopify.Gate = async _ =>
        {
            if (entered.TrySetResult())
            {
                await held.Task;
            }
        };
        var first = Task.WhenAll(h.Engine.SyncSkuAsync("sku-a", null, default), h.Engine.SyncSkuAsync("sku-b", null, default));
        await entered.Task.WaitAsync(TimeSpan.FromMinutes(1));

        // A newer figure of sku-a while its batch is in flight: it must wait, not race the batch to the channel.
        await h.MoveAsync("sku-a", MovementKind.PosSale, "wh", 3);
        Assert.Empty((await h.Engine.SyncSkuAsync("sku-a", null, default)).Pushes);
        Assert.Equal(7, (await h.StateAsync("shopify", "sku-a")).Pending);

        var waiting = h.Time.NextTimer();
        held.SetResult();
        await waiting.WaitAsync(TimeSpan.FromMinutes(1));
        h.Time.Advance(TimeSpan.FromSeconds(10));
        await first.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal([10, 7], shopify.Calls.Where(c => c.Listing.ChannelSku == ShopifyItem("sku-a")).Select(c => c.Listing.Quantity));
        Assert.Equal((7, 5), (shopify.ShownFor(ShopifyItem("sku-a"))!.Value, shopify.ShownFor(ShopifyItem("sku-b"))!.Value));
        var state = await h.StateAsync("shopify", "sku-a");
        Assert.Equal((7, (int?)null, (string?)null), (state.Pushed!.Value, state.Pending, state.ClaimId));
    }

    [Fact]
    public async Task Push_LoneChange_GoesAtOnceWithoutWaitingForTheWindow()
    {
        await using var h = await SyncHarness.CreateAsync(new Dictionary<string, string?> { ["Sync:BatchWindow"] = "00:00:10" });
        h.Channels["shopify"].MaxPerCall = 10;
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-l", ("shopify", All));
        await h.MoveAsync("sku-l", MovementKind.Receipt, "wh", 4);

        await h.Engine.SyncSkuAsync("sku-l", null, default).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(4, h.Channels["shopify"].ShownFor(ShopifyItem("sku-l")));
    }

    [Fact]
    public async Task Push_BadStockBatchSizeOfTheAccount_FailsTheListingNamingTheSetting()
    {
        await using var h = await SyncHarness.CreateAsync(
            new Dictionary<string, string?>
            {
                ["Channels:allegro:main:BaseUrl"] = "http://127.0.0.1:9/",
                ["Channels:allegro:main:AccessToken"] = "token",
                ["Channels:allegro:main:StockBatchSize"] = "5000",
            },
            (services, configuration) => services.AddSingleton(configuration).AddChannels(configuration));
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-s", ("allegro", All));
        await h.MoveAsync("sku-s", MovementKind.Receipt, "wh", 3);

        var result = await h.Engine.SyncSkuAsync("sku-s", null, default);

        Assert.Contains("Channels:allegro:main:StockBatchSize", Assert.Single(result.Pushes).Error, StringComparison.Ordinal);
        Assert.Equal(3, (await h.StateAsync("allegro", "sku-s")).Pending);
    }

    /// <summary>One push through the pusher: it goes at once, and pushes arriving after it within the window (the fake clock stands still) wait to be batched.</summary>
    private static async Task WarmUpAsync(SyncHarness h)
    {
        var outcome = Assert.Single(await h.Get<ChannelPusher>().PushAsync([new ListingPush("warm-up", "warm-up", "shopify", "main", "warm-up", null, 0, 0, "warm-up")], default));
        Assert.Null(outcome.Error);
    }

    private static string ShopifyItem(string sku) => SyncHarness.ItemId("shopify", sku);
}
