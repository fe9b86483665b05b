using Omnichannel.Channels.Outbound;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Sync.Pushing;
using Omnichannel.Sync.Tests.Support;

namespace Omnichannel.Sync.Tests.Pushing;

public sealed class ListingClaimsTests
{
    private static readonly StockRule All = new();

    [Fact]
    public async Task Apply_OlderViewAfterNewer_IsDroppedAndChannelKeepsNewerFigure()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-o", ("shopify", All));
        await h.MoveAsync("sku-o", MovementKind.Receipt, "wh", 10);
        var older = await h.Get<StockReader>().GetAsync("sku-o", default);
        await h.MoveAsync("sku-o", MovementKind.PosSale, "wh", 4);
        var newer = await h.Get<StockReader>().GetAsync("sku-o", default);

        await h.Engine.ApplyAsync(newer!, null, default);
        var late = await h.Engine.ApplyAsync(older!, null, default);

        Assert.Empty(late.Pushes);
        Assert.Equal(6, h.Channels["shopify"].ShownFor("shopify-sku-o"));
        var state = await h.StateAsync("shopify", "sku-o");
        Assert.Equal((6, newer!.Sequence), (state.Pushed!.Value, state.PushedVersion!.Value));
    }

    [Fact]
    public async Task Sync_NewerChangeWhileAPushIsHeldUp_WaitsThenPushesTheNewestLast()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-h", ("shopify", All));
        var channel = h.Channels["shopify"];
        var held = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        channel.Gate = async q =>
        {
            if (q.Quantity == 10)
            {
                entered.TrySetResult();
                await held.Task;
            }
        };
        await h.MoveAsync("sku-h", MovementKind.Receipt, "wh", 10);
        var first = h.Engine.SyncSkuAsync("sku-h", null, default);
        await entered.Task;

        // A newer figure arrives while the push of 10 is in flight: it must not be sent alongside (it could land first).
        await h.MoveAsync("sku-h", MovementKind.PosSale, "wh", 3);
        var second = await h.Engine.SyncSkuAsync("sku-h", null, default);
        Assert.Empty(second.Pushes);
        Assert.Equal(7, (await h.StateAsync("shopify", "sku-h")).Pending);

        held.SetResult();
        var result = await first;

        Assert.Equal([10, 7], channel.Calls.Select(c => c.Listing.Quantity));
        Assert.Equal(2, result.Pushes.Count);
        Assert.Equal(7, channel.ShownFor("shopify-sku-h"));
        var state = await h.StateAsync("shopify", "sku-h");
        Assert.Equal(7, state.Pushed);
        Assert.Null(state.Pending);
        Assert.Null(state.ClaimId);
    }

    [Fact]
    public async Task Claim_ConcurrentSyncsOfOneSku_OnlyOnePushInFlightPerListing()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-c", ("shopify", All), ("ebay", All));
        await h.MoveAsync("sku-c", MovementKind.Receipt, "wh", 50);
        var inFlight = 0;
        var maxInFlight = 0;
        h.Channels["shopify"].Gate = async _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Yield();
            Interlocked.Decrement(ref inFlight);
        };

        var syncs = Enumerable.Range(0, 20).Select(async i =>
        {
            await h.MoveAsync("sku-c", MovementKind.PosSale, "wh", 1);
            await h.Engine.SyncSkuAsync("sku-c", null, default);
        });
        await Task.WhenAll(syncs);
        await h.Engine.SyncSkuAsync("sku-c", null, default);

        Assert.Equal(1, maxInFlight);
        Assert.Equal(30, h.Channels["shopify"].ShownFor("shopify-sku-c"));
        Assert.Equal(30, h.Channels["ebay"].ShownFor("ebay-sku-c"));
    }

    [Fact]
    public async Task RetryPending_HostDiedHoldingAClaim_TakesOverAfterTimeoutAndPushesCurrentFigure()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-k", ("shopify", All));
        await h.MoveAsync("sku-k", MovementKind.Receipt, "wh", 8);
        var view = await h.Get<StockReader>().GetAsync("sku-k", default);
        var key = CatalogueStore.ListingKey("shopify", "main", "shopify-sku-k");

        // The host claims the push and dies before calling the channel.
        var claim = await h.Get<ListingClaims>().ClaimAsync("sku-k", key, view!.Channels[0], view.Sequence, false, null, default);
        Assert.NotNull(claim);
        await h.MoveAsync("sku-k", MovementKind.PosSale, "wh", 2);

        await h.Engine.RetryPendingAsync(default);
        Assert.Empty(h.Channels["shopify"].Calls);

        h.Time.Advance(TimeSpan.FromMinutes(6));
        await h.Engine.RetryPendingAsync(default);

        Assert.Equal(6, h.Channels["shopify"].ShownFor("shopify-sku-k"));
        Assert.Null((await h.StateAsync("shopify", "sku-k")).Pending);
    }

    [Fact]
    public async Task Complete_PushFinishingAfterItsClaimWasTakenOver_LeavesListingPendingForARepush()
    {
        await using var h = await SyncHarness.CreateAsync();
        await h.AddLocationsAsync();
        await h.AddProductAsync("sku-t", ("shopify", All));
        await h.MoveAsync("sku-t", MovementKind.Receipt, "wh", 8);
        var claims = h.Get<ListingClaims>();
        var view = await h.Get<StockReader>().GetAsync("sku-t", default);
        var key = CatalogueStore.ListingKey("shopify", "main", "shopify-sku-t");
        var stale = await claims.ClaimAsync("sku-t", key, view!.Channels[0], view.Sequence, false, null, default);
        h.Time.Advance(TimeSpan.FromMinutes(6));
        await h.Engine.SyncSkuAsync("sku-t", null, default);

        // The slow first push lands after the take-over: the order at the channel is unknown.
        await h.Channels["shopify"].SetAvailableQuantityAsync("main", new ListingQuantity("shopify-sku-t", 99), default);
        await claims.CompleteAsync(new PushOutcome(stale!, null, TimeSpan.Zero), default);
        Assert.Equal(8, (await h.StateAsync("shopify", "sku-t")).Pending);

        await h.Engine.RetryPendingAsync(default);

        Assert.Equal(8, h.Channels["shopify"].ShownFor("shopify-sku-t"));
        Assert.Null((await h.StateAsync("shopify", "sku-t")).Pending);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
