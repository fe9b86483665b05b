using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Tests.Stock;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task RecordAsync_BurstOnOneSku_SharesTransactionsAndKeepsEveryMovement()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("HOT");
        await h.RecordAsync("HOT", MovementKind.Receipt, "wh", 1);
        var before = h.Account.Requests.Snapshot();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 48).Select(i => Task.Run(() => h.MoveAsync("HOT", MovementKind.Receipt, i % 2 == 0 ? "wh" : "store", 1))));

        var used = h.Account.Requests.Snapshot() - before;
        Assert.All(outcomes, o => Assert.NotNull(o.Movement));
        Assert.Equal(Enumerable.Range(2, 48).Select(i => (long)i), outcomes.Select(o => o.Movement!.Sequence).Order());
        Assert.True(used.Tables < 48, $"48 movements took {used.Tables} table requests; grouped they need far fewer than one each.");
        var stock = await h.StockAsync("HOT");
        Assert.Equal((49, 49L), (stock.OnHand, stock.Sequence));
        var trail = await h.Reader.GetMovementsAsync("HOT", 100, null, default);
        Assert.Equal(49, trail!.Items.Count);
        Assert.Equal(stock.Available, trail.Items[0].AvailableAfter);
    }

    [Fact]
    public async Task RecordAsync_BurstIncludingARetriedKey_ReplaysItAndRecordsTheRest()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("HOT");
        var first = await h.RecordAsync("HOT", MovementKind.Receipt, "wh", 5, key: "k-first");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => h.MoveAsync("HOT", MovementKind.Receipt, "wh", i == 15 ? 5 : 1, key: i == 15 ? "k-first" : $"k-{i}"))));

        var replay = outcomes[15];
        Assert.True(replay.Replayed);
        Assert.Equal(first.Sequence, replay.Movement!.Sequence);
        Assert.Equal(29, outcomes.Count(o => o.Movement is not null && !o.Replayed));
        Assert.Equal(5 + 29, (await h.StockAsync("HOT")).OnHand);
    }

    [Fact]
    public async Task RecordAsync_GroupOfReservations_EachDecidedAgainstThePrevious()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("HOT");
        await h.RecordAsync("HOT", MovementKind.Receipt, "wh", 10);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => h.MoveAsync("HOT", MovementKind.Reserve, "wh", 1))));

        Assert.Equal(10, outcomes.Count(o => o.Movement is not null));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => 9 - i), outcomes.Where(o => o.Movement is not null).Select(o => o.Movement!.AvailableAfter).OrderDescending());
        Assert.Equal(10, (await h.StockAsync("HOT")).Reserved);
    }
}
