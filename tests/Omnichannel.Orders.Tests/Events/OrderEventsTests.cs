using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Events.History;
using Omnichannel.Events.Model;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;

namespace Omnichannel.Orders.Tests.Events;

public sealed class OrderEventsTests
{
    [Fact]
    public async Task ShippedOrder_Flow_RecordsReceivedReservedShippedInOrderWithStableIds()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        var id = Samples.ShopifyOrderId(1001);

        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(1001, (Samples.Tee, 2)), "evt-1001")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Equal(HttpStatusCode.Accepted, (await hub.ConfirmShipmentAsync(id, "TRACK-1001")).StatusCode);
        await hub.WaitForEndAsync(id);

        var time = hub.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var events = (await hub.Services.GetRequiredService<EventJournalStore>().QueryAsync(id, null, time.AddHours(-1), time.AddMinutes(1), default)).Reverse().ToList();
        Assert.Equal([EventTypes.OrderReceived, EventTypes.OrderReserved, EventTypes.OrderShipped], events.Select(e => e.Type).ToList());
        Assert.Equal(HubEventId.For(EventTypes.OrderShipped, id, "ShipStock", "TRACK-1001"), events[2].Id);
        Assert.Equal("TRACK-1001", events[2].Data.GetProperty("parcel").GetProperty("trackingNumber").GetString());
        Assert.Equal("ReserveStock", events[1].Data.GetProperty("step").GetString());
        Assert.All(events, e => Assert.NotEmpty(e.Destinations));
    }
}
