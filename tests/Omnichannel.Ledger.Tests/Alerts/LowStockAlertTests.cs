using System.Text.Json;
using Omnichannel.Ledger.Alerts;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Tests.Alerts;

public sealed class LowStockAlertTests
{
    [Fact]
    public async Task RecordAsync_AvailableCrossesReorderPointTwice_AlertsOncePerCrossing()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1", reorderPoint: 10);
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 20);

        await h.RecordAsync("SKU-1", MovementKind.Reserve, "wh", 5);
        await h.RecordAsync("SKU-1", MovementKind.Reserve, "wh", 6);
        await h.RecordAsync("SKU-1", MovementKind.Reserve, "wh", 2);
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 10);
        await h.RecordAsync("SKU-1", MovementKind.Reserve, "wh", 8);

        var alerts = await ReadAlertsAsync(h);
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(StockAlertKind.LowStock, a.Kind));
        Assert.Equal(new[] { 9, 9 }, alerts.Select(a => a.Available));
        Assert.Equal(new long[] { 3, 6 }, alerts.Select(a => a.Sequence).Order());
    }

    [Fact]
    public async Task RecordAsync_ConcurrentWritersCrossTogether_AlertOnce()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1", reorderPoint: 50);
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 100);

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => h.MoveAsync("SKU-1", MovementKind.Reserve, "wh", 1))));

        Assert.Equal(40, (await h.StockAsync("SKU-1")).Available);
        var alert = Assert.Single(await ReadAlertsAsync(h));
        Assert.Equal(49, alert.Available);
    }

    [Fact]
    public async Task RecordAsync_PosSaleBeyondStock_GoesNegativeAndRaisesOneRecountAlertUntilCounted()
    {
        await using var h = await LedgerHarness.CreateAsync();
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1");
        await h.RecordAsync("SKU-1", MovementKind.Receipt, "store", 1);

        var sale = await h.MoveAsync("SKU-1", MovementKind.PosSale, "store", 3);
        await h.RecordAsync("SKU-1", MovementKind.PosSale, "store", 1);
        await h.RecordAsync("SKU-1", MovementKind.Count, "store", 0);
        await h.RecordAsync("SKU-1", MovementKind.PosSale, "store", 1);

        Assert.NotNull(sale.Movement);
        Assert.Equal(-2, sale.Movement.BalancesAfter.Single().OnHand);
        Assert.Equal(0, sale.Movement.BalancesAfter.Single().Available);
        var alerts = await ReadAlertsAsync(h);
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal((StockAlertKind.Recount, "store"), (a.Kind, a.Location)));
        Assert.Equal(new int?[] { -2, -1 }, alerts.OrderBy(a => a.Sequence).Select(a => a.OnHand));
        Assert.Equal(-1, (await h.StockAsync("SKU-1")).OnHand);
    }

    [Fact]
    public async Task RecordAsync_WebhookConfigured_AlsoQueuesTheAlertForTheWebhook()
    {
        await using var h = await LedgerHarness.CreateAsync(new Dictionary<string, string?>
        {
            ["Ledger:AlertWebhookUrl"] = "https://alerts.example.test/hook",
            ["Ledger:AlertWebhookSecret"] = "s3cret",
        });
        await h.AddExampleLocationsAsync();
        await h.AddProductAsync("SKU-1", reorderPoint: 5);

        await h.RecordAsync("SKU-1", MovementKind.Receipt, "wh", 3);

        Assert.Equal(1, await h.QueueLengthAsync(h.Storage.Alerts));
        Assert.Equal(1, await h.QueueLengthAsync(h.Storage.AlertWebhook));
    }

    internal static async Task<List<StockAlert>> ReadAlertsAsync(LedgerHarness h)
    {
        var messages = (await h.Storage.Alerts.ReceiveMessagesAsync(32)).Value;
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        return messages.Select(m => JsonSerializer.Deserialize<StockAlert>(m.Body.ToString(), options)!).ToList();
    }
}
