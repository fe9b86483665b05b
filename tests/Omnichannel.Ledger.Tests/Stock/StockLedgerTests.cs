using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Tests.Stock;

public sealed class StockLedgerTests
{
    [Fact]
    public async Task RecordAsync_SameIdempotencyKeyTwice_ReturnsFirstResultAndChangesNothing()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 10);

        var first = await h.MoveAsync("SKU-1", MovementKind.Reserve, "wh", 10, key: "order-1/line-1");
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var retry = await h.MoveAsync("SKU-1", MovementKind.Reserve, "wh", 10, key: "order-1/line-1");

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Movement!.At, retry.Movement!.At);
        Assert.Equal(first.Movement.Sequence, retry.Movement.Sequence);
        Assert.Equal(first.Movement.BalancesAfter, retry.Movement.BalancesAfter);
        var stock = await h.StockAsync("SKU-1");
        Assert.Equal(10, stock.Reserved);
        Assert.Equal(2, stock.Sequence);
        var trail = await h.Reader.GetMovementsAsync("SKU-1", 50, null, default);
        Assert.Equal(2, trail!.Items.Count);
    }

    [Fact]
    public async Task RecordAsync_SameKeyForADifferentMovement_RefusedAsReused()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 10, key: "k1");

        var reused = await h.MoveAsync("SKU-1", MovementKind.Receipt, "wh", 11, key: "k1");

        Assert.Equal(RejectionReason.IdempotencyKeyReused, reused.Rejection?.Reason);
        Assert.Equal(10, (await h.StockAsync("SKU-1")).OnHand);
    }

    [Fact]
    public async Task RecordAsync_200ConcurrentReservationsAgainst50_Exactly50Succeed()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("HOT");
        await h.RecordAsync("HOT", MovementKind.Receipt, "wh", 50);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => h.MoveAsync("HOT", MovementKind.Reserve, "wh", 1, key: $"order-{i}"))));

        Assert.Equal(50, outcomes.Count(o => o.Movement is not null));
        Assert.Equal(150, outcomes.Count(o => o.Rejection?.Reason == RejectionReason.InsufficientStock));
        var stock = await h.StockAsync("HOT");
        Assert.Equal(50, stock.Reserved);
        Assert.Equal(0, stock.Available);
        var trail = await h.Reader.GetMovementsAsync("HOT", 1000, null, default);
        Assert.Equal(50, trail!.Items.Count(m => m.Kind == MovementKind.Reserve));
        Assert.Equal(Enumerable.Range(1, 51).Reverse().Select(i => (long)i), trail.Items.Select(m => m.Sequence));
    }

    [Fact]
    public async Task RecordAsync_ConcurrentReservationsFromTwoInstances_NeverOversell()
    {
        // Two instances share the tables but not their in-process gates: only the ETag check stands between them.
        await using var a = await LedgerHarness.CreateAsync();
        await using var b = await a.SiblingAsync();
        await a.AddExampleLocationsAsync();
        await a.AddProductAsync("HOT");
        await a.RecordAsync("HOT", MovementKind.Receipt, "wh", 30);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 80).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).MoveAsync("HOT", MovementKind.Reserve, "wh", 1, key: $"order-{i}"))));

        Assert.Equal(30, outcomes.Count(o => o.Movement is not null));
        Assert.Equal(30, (await a.StockAsync("HOT")).Reserved);
        Assert.Equal(31, (await a.Reader.GetMovementsAsync("HOT", 1000, null, default))!.Items.Count);
    }

    [Fact]
    public async Task RecordAsync_ReserveBeyondAvailable_RefusedWithShortfallNotClamped()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1", safetyStock: 5);
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 20);

        var refused = await h.MoveAsync("SKU-1", MovementKind.Reserve, "wh", 18);

        Assert.Null(refused.Movement);
        Assert.Equal(RejectionReason.InsufficientStock, refused.Rejection!.Reason);
        Assert.Equal(15, refused.Rejection.Available);
        Assert.Equal(3, refused.Rejection.Shortfall);
        Assert.Equal(0, (await h.StockAsync("SKU-1")).Reserved);
    }

    [Fact]
    public async Task RecordAsync_TransferOutThenIn_KeepsStockInTransitBetween()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 30);

        var sent = await h.RecordAsync("SKU-1", MovementKind.TransferOut, "wh", 12, other: "store");
        var during = await h.StockAsync("SKU-1");
        var tooMany = await h.MoveAsync("SKU-1", MovementKind.TransferIn, "store", 13, other: "wh");
        await h.RecordAsync("SKU-1", MovementKind.TransferIn, "store", 12, other: "wh");
        var after = await h.StockAsync("SKU-1");

        Assert.Equal(2, sent.BalancesAfter.Count);
        Assert.Equal((18, 12), (during.OnHand, during.InTransit));
        Assert.Equal(12, during.Locations.Single(l => l.Location == "store").InTransit);
        Assert.Equal(RejectionReason.InsufficientInTransit, tooMany.Rejection?.Reason);
        Assert.Equal((30, 0), (after.OnHand, after.InTransit));
        Assert.Equal(12, after.Locations.Single(l => l.Location == "store").OnHand);
    }

    [Fact]
    public async Task RecordAsync_UnknownSkuOrLocation_Refused()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");

        var noSku = await h.MoveAsync("NOPE", MovementKind.Receipt, "wh", 1);
        var noLocation = await h.MoveAsync("SKU-1", MovementKind.Receipt, "moon", 1);

        Assert.Equal(RejectionReason.UnknownSku, noSku.Rejection?.Reason);
        Assert.Equal(RejectionReason.UnknownLocation, noLocation.Rejection?.Reason);
    }

    [Fact]
    public async Task GetMovementsAsync_ManyMovements_PagesNewestFirst()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");
        for (var i = 0; i < 5; i++)
        {
            await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", i + 1);
        }

        var first = await h.Reader.GetMovementsAsync("SKU-1", 3, null, default);
        var second = await h.Reader.GetMovementsAsync("SKU-1", 3, first!.ContinuationToken, default);

        Assert.Equal(new long[] { 5, 4, 3 }, first.Items.Select(m => m.Sequence));
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(new long[] { 2, 1 }, second!.Items.Select(m => m.Sequence));
        Assert.Equal(15, first.Items[0].BalancesAfter.Single().OnHand);
    }
}
