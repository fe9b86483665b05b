using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
using Omnichannel.Ledger.Changes;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Tests.Changes;

public sealed class StockChangedTests
{
    /// <summary>The shipped default of <c>Ledger:StockChangedWindow</c> (5 s), as a setting.</summary>
    private static readonly Dictionary<string, string?> DefaultWindow = new()
    {
        ["Ledger:StockChangedWindow"] = new LedgerOptions().StockChangedWindow.ToString("c", CultureInfo.InvariantCulture),
    };

    private static readonly Dictionary<string, string?> MinuteWindow = new() { ["Ledger:StockChangedWindow"] = "00:01:00" };

    [Fact]
    public async Task RecordAsync_LoneChangeWithDefaultWindow_VisibleAtOnceOnBothQueues()
    {
        await using var h = await LedgerHarness.CreateAsync(DefaultWindow);
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");

        var movement = await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 3);

        // The clock does not move: the message must be there without waiting for the window.
        var change = Assert.Single(await VisibleAsync(h.Storage.StockChanged));
        Assert.Equal(("SKU-1", movement.Sequence, false), (change.Sku, change.Sequence, change.Trailing));
        Assert.Equal(new[] { "wh" }, change.Locations);
        Assert.Equal(movement.Sequence, Assert.Single(await VisibleAsync(h.Storage.StockChangedCopy)).Sequence);
    }

    [Fact]
    public async Task RecordAsync_BurstOf100OnOneSku_LeadingMessageAtOnceAndOneTrailing()
    {
        await using var h = await LedgerHarness.CreateAsync(MinuteWindow);
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");
        await h.AddProductAsync("SKU-2");

        for (var i = 0; i < 100; i++)
        {
            await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 1);
        }

        await h.RecordAsync("SKU-2", MovementKind.Receipt, "wh", 1);

        // 100 changes inside one window: the leading message (visible now) and one trailing message, due at the
        // window's end and so not visible yet; SKU-2's lone change goes at once.
        Assert.Equal(3, await h.QueueLengthAsync(h.Storage.StockChanged));
        Assert.Equal(3, await h.QueueLengthAsync(h.Storage.StockChangedCopy));
        var visible = (await VisibleAsync(h.Storage.StockChanged)).OrderBy(c => c.Sku, StringComparer.Ordinal).ToList();
        Assert.Equal([("SKU-1", 1L, false), ("SKU-2", 1L, false)], visible.Select(c => (c.Sku, c.Sequence, c.Trailing)).ToList());

        // The consumer of the trailing message reads the current figures then: every change of the burst.
        var stock = await h.StockAsync("SKU-1");
        Assert.Equal((100, 100L), (stock.Locations.Single(l => l.Location == "wh").OnHand, stock.Sequence));
    }

    [Fact]
    public async Task RecordAsync_BurstWithinWindow_LeadingPlusOneTrailingPerWindow()
    {
        await using var h = await LedgerHarness.CreateAsync(MinuteWindow);
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");
        await h.AddProductAsync("SKU-2");

        for (var i = 0; i < 5; i++)
        {
            await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 1);
            h.Time.Advance(TimeSpan.FromSeconds(5));
        }

        await h.RecordAsync("SKU-2", MovementKind.Receipt, "wh", 1);
        var duringWindow = await h.QueueLengthAsync(h.Storage.StockChanged);
        h.Time.Advance(TimeSpan.FromSeconds(40));
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 1);
        var nextWindow = await h.QueueLengthAsync(h.Storage.StockChanged);
        h.Time.Advance(TimeSpan.FromMinutes(2));
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 1);

        Assert.Equal(3, duringWindow); // SKU-1 leading + trailing, SKU-2 leading
        Assert.Equal(4, nextWindow); // after SKU-1's trailing message, a change inside one more window: its trailing message
        Assert.Equal(5, await h.QueueLengthAsync(h.Storage.StockChanged)); // quiet for longer than a window: leading again
    }

    [Fact]
    public async Task RecordAsync_ConcurrentBurstOnTwoHosts_OneLeadingAndOneTrailingMessage()
    {
        await using var h = await LedgerHarness.CreateAsync(MinuteWindow);
        await using var sibling = await h.SiblingAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");

        // Two hosts, 40 writers each: every decision is taken under the head row's ETag, so one message leads.
        await Task.WhenAll(Enumerable.Range(0, 80).Select(i => (i % 2 == 0 ? h : sibling).RecordAsync("SKU-1", MovementKind.Receipt, "wh", 1)));

        Assert.Equal(2, await h.QueueLengthAsync(h.Storage.StockChanged));
        var leading = Assert.Single(await VisibleAsync(h.Storage.StockChanged));
        Assert.False(leading.Trailing);
        Assert.Equal(80, (await h.StockAsync("SKU-1")).Locations.Single(l => l.Location == "wh").OnHand);
    }

    [Fact]
    public async Task RecordAsync_ReplayedMovement_SendsNothingMore()
    {
        await using var h = await LedgerHarness.CreateAsync(DefaultWindow);
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");

        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 1, key: "k-1");
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 1, key: "k-1");

        Assert.Equal(1, await h.QueueLengthAsync(h.Storage.StockChanged));
    }

    [Fact]
    public async Task RecordAsync_NoWindow_EveryChangeSendsSkuAndLocations()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU/1");

        await h.RecordAsync("SKU/1", MovementKind.Receipt, "wh", 5);
        await h.RecordAsync("SKU/1", MovementKind.TransferOut, "wh", 2, other: "store");
        await h.MoveAsync("SKU/1", MovementKind.Reserve, "wh", 99);

        var messages = (await VisibleAsync(h.Storage.StockChanged)).OrderBy(m => m.Sequence).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("SKU/1", messages[0].Sku);
        Assert.Equal(new[] { "wh" }, messages[0].Locations);
        Assert.Equal(new[] { "store", "wh" }, messages[1].Locations.Order());
    }

    private static async Task<List<StockChanged>> VisibleAsync(QueueClient queue) =>
        (await queue.ReceiveMessagesAsync(32)).Value
            .Select(m => JsonSerializer.Deserialize<StockChanged>(m.Body.ToString(), JsonSerializerOptions.Web)!)
            .ToList();
}
