using System.Net;
using Microsoft.DurableTask.Client;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;

namespace Omnichannel.Orders.Tests.Flow;

public sealed class OrderHostingTests
{
    [Fact]
    public async Task HostStoppedMidFlow_NewHostOnSameStorage_CompletesTheOrder()
    {
        var settings = OrderHub.UniqueSettings();
        var channel = new RecordingChannel();
        const long shopifyId = 6001;
        var id = Samples.ShopifyOrderId(shopifyId);
        await using (var first = await OrderHub.CreateAsync(settings, channel))
        {
            await Samples.SeedAsync(first.Services);
            Assert.True((await first.PostShopifyAsync(Samples.Shopify(shopifyId, (Samples.Tee, 2)), "evt-6001")).IsSuccessStatusCode);
            await first.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        }

        await using var second = await OrderHub.CreateAsync(settings, channel);
        Assert.Equal(HttpStatusCode.Accepted, (await second.ConfirmShipmentAsync(id, "TRACK-6001")).StatusCode);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await second.WaitForEndAsync(id)).RuntimeStatus);
        Assert.Single(channel.Reports);
        Assert.Equal([MovementKind.Reserve, MovementKind.Ship], await Samples.MovementsAsync(second.Services, Samples.Tee, id));
    }

    [Fact]
    public async Task TwoHostsOnSameStorage_EveryOrderCompletesOnceWithOneFulfilment()
    {
        var settings = OrderHub.UniqueSettings();
        var channel = new RecordingChannel();
        await using var a = await OrderHub.CreateAsync(settings, channel);
        await using var b = await OrderHub.CreateAsync(settings, channel);
        await Samples.SeedAsync(a.Services);
        var ids = Enumerable.Range(0, 6).Select(i => 7000L + i).ToList();

        await Task.WhenAll(ids.Select(async (n, i) =>
        {
            var hub = i % 2 == 0 ? a : b;
            Assert.True((await hub.PostShopifyAsync(Samples.Shopify(n, (Samples.Tee, 1)), $"evt-{n}")).IsSuccessStatusCode);
            await hub.WaitForStatusAsync(Samples.ShopifyOrderId(n), OrderStatus.AwaitingShipment);
            var other = i % 2 == 0 ? b : a;
            Assert.Equal(HttpStatusCode.Accepted, (await other.ConfirmShipmentAsync(Samples.ShopifyOrderId(n), $"TRACK-{n}")).StatusCode);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await other.WaitForEndAsync(Samples.ShopifyOrderId(n))).RuntimeStatus);
        }));

        Assert.Equal(ids.Count, channel.Reports.Count);
        Assert.Equal(ids.Count, channel.Reports.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal((300 - ids.Count, 0), await Samples.BalanceAsync(a.Services, Samples.Tee, Samples.Warehouse));
    }
}
