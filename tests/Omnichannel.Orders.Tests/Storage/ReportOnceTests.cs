using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Storage;
using Omnichannel.Testing;

namespace Omnichannel.Orders.Tests.Storage;

public sealed class ReportOnceTests
{
    [Fact]
    public async Task RunAsync_SameKeyTwice_SendsOnceAndReturnsTheFirstRecord()
    {
        var once = await CreateSutAsync();
        var sends = 0;

        var first = await once.RunAsync("o-1:shipment:T1", () => Task.FromResult<ReportSent?>(new ReportSent($"ful-{++sends}")), default);
        var second = await once.RunAsync("o-1:shipment:T1", () => Task.FromResult<ReportSent?>(new ReportSent($"ful-{++sends}")), default);

        Assert.Equal(1, sends);
        Assert.Equal(("o-1:shipment:T1", "ful-1"), (second!.IdempotencyKey, second.ChannelId));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task RunAsync_ChannelHasNoSuchCall_RecordsNothingSoTheNextAttemptAsksAgain()
    {
        var once = await CreateSutAsync();
        var sends = 0;

        Assert.Null(await once.RunAsync("o-2:ready", () => { sends++; return Task.FromResult<ReportSent?>(null); }, default));
        Assert.NotNull(await once.RunAsync("o-2:ready", () => { sends++; return Task.FromResult<ReportSent?>(new ReportSent(null)); }, default));

        Assert.Equal(2, sends);
    }

    [Fact]
    public void ChannelReportRecord_Json_KeepsTheNameFlowHistoriesWereWrittenWith()
    {
        var json = JsonSerializer.Serialize(new ChannelReportRecord("k", "ful-9", DateTimeOffset.UnixEpoch));
        var old = JsonSerializer.Deserialize<ChannelReportRecord>("""{"IdempotencyKey":"k","ChannelShipmentId":"ful-9","ReportedAt":"1970-01-01T00:00:00+00:00"}""");

        Assert.Contains("\"ChannelShipmentId\":\"ful-9\"", json, StringComparison.Ordinal);
        Assert.Equal("ful-9", old!.ChannelId);
    }

    private static async Task<ReportOnce> CreateSutAsync()
    {
        var store = new OrderStore(await Azurite.AccountAsync(), Options.Create(new OrdersOptions { OrdersTable = Unique.Name("reports") }));
        return new ReportOnce(store, new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero)));
    }
}
