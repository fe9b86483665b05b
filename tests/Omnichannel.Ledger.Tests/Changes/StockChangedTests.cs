using System.Text.Json;
using Omnichannel.Ledger.Changes;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Tests.Changes;

public sealed class StockChangedTests
{
    [Fact]
    public async Task RecordAsync_BurstWithinWindow_SendsOneMessagePerWindow()
    {
        await using var h = await LedgerHarness.CreateAsync(new Dictionary<string, string?> { ["Ledger:StockChangedWindow"] = "00:01:00" });
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

        Assert.Equal(2, duringWindow);
        Assert.Equal(3, await h.QueueLengthAsync(h.Storage.StockChanged));
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

        var messages = (await h.Storage.StockChanged.ReceiveMessagesAsync(10)).Value
            .Select(m => JsonSerializer.Deserialize<StockChanged>(m.Body.ToString(), JsonSerializerOptions.Web)!)
            .OrderBy(m => m.Sequence)
            .ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("SKU/1", messages[0].Sku);
        Assert.Equal(new[] { "wh" }, messages[0].Locations);
        Assert.Equal(new[] { "store", "wh" }, messages[1].Locations.Order());
    }
}
