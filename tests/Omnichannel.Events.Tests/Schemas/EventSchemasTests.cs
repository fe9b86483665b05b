using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Omnichannel.Events.Model;
using Omnichannel.Events.Schemas;
using Omnichannel.Events.Tests.Support;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Events;
using Omnichannel.Orders.Flow;

namespace Omnichannel.Events.Tests.Schemas;

public sealed class EventSchemasTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Order event data as the flow's activities build it, one per type.</summary>
    public static TheoryData<string, string> OrderEvents()
    {
        var order = new OrderEventData("shopify:demo:1001", "ReceiveOrder", "shopify", "demo", "1001", "2 line(s)");
        var parcel = new ParcelData("ups", "1Z999", new Uri("https://ups.example/1Z999"), "wh", At, [new ParcelLine("L1", 2)]);
        var data = new Dictionary<string, OrderEventData>
        {
            [EventTypes.OrderReceived] = order,
            [EventTypes.OrderNeedsAttention] = order with { Detail = "No catalogue SKU for line(s) L2" },
            [EventTypes.OrderBackordered] = new(order.OrderId, "ReserveStock", "shopify", Detail: "Not enough stock: SKU-1: 2 wanted, 0 available at wh"),
            [EventTypes.OrderReserved] = new(order.OrderId, "ReserveStock", "shopify", Allocations: [new Allocation("L1", "SKU-1", "wh", 2, 9.5m)]),
            [EventTypes.OrderShipped] = new(order.OrderId, "ShipStock", "shopify", Parcel: parcel),
            [EventTypes.OrderPickedUp] = new(order.OrderId, "ShipStock", "shopify", Parcel: parcel with { Carrier = "pickup", TrackingNumber = null, TrackingUrl = null }),
            [EventTypes.OrderCancelled] = new(order.OrderId, "Cancel", "shopify", Detail: "cancelled by operations"),
            [EventTypes.OrderReturned] = new(order.OrderId, "RestockReturn", "shopify", Return: new ReturnData("r-1", "store", "too small", At, [new ReturnLineData("L1", "SKU-1", 1, "Sellable")])),
            [EventTypes.OrderFailed] = new(order.OrderId, "ReportTracking", Detail: "the channel refused the shipment"),
        };
        var theory = new TheoryData<string, string>();
        foreach (var (type, value) in data)
        {
            theory.Add(type, EventJson.Serialize(value));
        }

        return theory;
    }

    [Fact]
    public void Read_EveryEventType_HasAValidSchema()
    {
        foreach (var type in EventTypes.All)
        {
            var schema = Schema(type);
            Assert.Equal(type, JsonNode.Parse(EventSchemas.Read(type))!["title"]!.GetValue<string>());
            Assert.NotNull(schema);
        }
    }

    [Theory]
    [MemberData(nameof(OrderEvents))]
    public void Evaluate_OrderEventDataAsTheFlowBuildsIt_Valid(string type, string json)
    {
        AssertValid(type, JsonDocument.Parse(json).RootElement);
    }

    [Fact]
    public void Evaluate_ShippedWithoutTrackingOrUnknownField_Invalid()
    {
        var schema = Schema(EventTypes.OrderShipped);
        var noTracking = EventJson.Data(new OrderEventData("o-1", "ShipStock", Parcel: new ParcelData("ups", null, null, "wh", At, [])));
        var extra = JsonDocument.Parse("""{"orderId":"o-1","step":"ShipStock","parcel":{"carrier":"ups","trackingNumber":"1","shippedAt":"2026-12-02T10:00:00Z","lines":[]},"secret":"x"}""").RootElement;

        Assert.False(schema.Evaluate(noTracking).IsValid);
        Assert.False(schema.Evaluate(extra).IsValid);
    }

    [Fact]
    public async Task Evaluate_LedgerEventsOfReceiptLowStockAndRecount_Valid()
    {
        await using var h = await EventsHarness.CreateAsync();
        await h.AddProductAsync("SKU-9", reorderPoint: 10);
        await h.MoveAsync("SKU-9", MovementKind.Receipt, 3, "k-1");
        await h.MoveAsync("SKU-9", MovementKind.PosSale, 2, "k-2", location: "store");

        var events = await QueueEvents.ReadAllAsync(h.EventsQueue);

        Assert.Equal([EventTypes.StockChanged, EventTypes.StockLow, EventTypes.StockChanged, EventTypes.StockRecount], events.Select(e => e.Type).ToList());
        Assert.All(events, e => AssertValid(e.Type, e.Data!.ToObjectFromJson<JsonElement>()));
    }

    /// <summary>Each schema built in a registry of its own: the global registry refuses a second build under the same $id.</summary>
    private static JsonSchema Schema(string type) =>
        JsonSchema.FromText(EventSchemas.Read(type), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static void AssertValid(string type, JsonElement data)
    {
        var result = Schema(type).Evaluate(data, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{type}: {JsonSerializer.Serialize((result.Details ?? []).Where(d => d.Errors is not null).Select(d => new { d.InstanceLocation, d.Errors }))}\n{data}");
    }
}
