using System.Text.Json;
using Omnichannel.Events.CloudEvents;
using Omnichannel.Events.Model;

namespace Omnichannel.Events.Tests.CloudEvents;

public sealed class HubCloudEventsTests
{
    [Fact]
    public void ToJson_OrderShipped_StructuredCloudEvent10()
    {
        var time = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        var id = HubEventId.For(EventTypes.OrderShipped, "o-1", "ShipStock", "1Z");
        var e = new HubEvent(id, EventTypes.OrderShipped, "o-1", time, EventJson.Data(new { orderId = "o-1", step = "ShipStock" }));

        var json = JsonDocument.Parse(HubCloudEvents.ToJson(e, "/omnichannel-hub").ToString()).RootElement;

        Assert.Equal("1.0", json.GetProperty("specversion").GetString());
        Assert.Equal((id, "omnichannel.order.shipped", "/omnichannel-hub", "o-1"), (json.GetProperty("id").GetString(), json.GetProperty("type").GetString(), json.GetProperty("source").GetString(), json.GetProperty("subject").GetString()));
        Assert.Equal(time, json.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("application/json", json.GetProperty("datacontenttype").GetString());
        Assert.Equal("ShipStock", json.GetProperty("data").GetProperty("step").GetString());
    }

    [Fact]
    public void ToJson_EventWithEnumAndNull_ExactWireFormat()
    {
        var time = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        var data = EventJson.Data(new SampleData("o-1", SampleStatus.AwaitingShipment, null, 2));
        var e = new HubEvent("0123456789abcdef0123456789abcdef", EventTypes.OrderShipped, "o-1", time, data);

        Assert.Equal(
            """{"id":"0123456789abcdef0123456789abcdef","source":"/omnichannel-hub","type":"omnichannel.order.shipped","data":{"orderId":"o-1","status":"awaitingShipment","lines":2},"time":"2026-12-02T10:00:00+00:00","specversion":"1.0","datacontenttype":"application/json","subject":"o-1"}""",
            HubCloudEvents.ToJson(e, "/omnichannel-hub").ToString());
    }

    [Fact]
    public void For_SameBusinessKeys_SameIdOtherwiseDifferent()
    {
        var id = HubEventId.For(EventTypes.OrderShipped, "o-1", "ShipStock", "1Z");

        Assert.Equal(id, HubEventId.For(EventTypes.OrderShipped, "o-1", "ShipStock", "1Z"));
        Assert.NotEqual(id, HubEventId.For(EventTypes.OrderShipped, "o-1", "ShipStock", "2Z"));
        Assert.NotEqual(id, HubEventId.For(EventTypes.OrderShipped, "o-1", "ShipStock1", "Z"));
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    private enum SampleStatus
    {
        AwaitingShipment,
    }

    private sealed record SampleData(string OrderId, SampleStatus Status, string? Carrier, int Lines);
}
