using System.Text.Json;
using System.Text.Json.Nodes;

namespace Omnichannel.Testing;

/// <summary>One fulfillment order line item of the fake: its GID, the order line item GID, units still open.</summary>
public sealed record FakeFulfillmentOrderLine(string Id, string LineItemId, int Remaining);

/// <summary>One fulfillment order of the fake, assigned to a Shopify location.</summary>
public sealed record FakeFulfillmentOrder(string Id, string LocationId, IReadOnlyList<FakeFulfillmentOrderLine> Lines, string Status = "OPEN");

/// <summary>
/// A Shopify store's GraphQL answers about one order's fulfillment orders, in the Admin API's shapes: the
/// <c>order.fulfillmentOrders</c> query, and <c>fulfillmentCreate</c> / <c>fulfillmentOrderLineItemsPreparedForPickup</c>,
/// which take the units off (as Shopify does), so a second read shows what is left. Use <see cref="Handle"/>
/// as a <see cref="FakeChannelServer.Handler"/>.
/// </summary>
public sealed class ShopifyFulfillmentOrdersFake(params FakeFulfillmentOrder[] fulfillmentOrders)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int> _remaining = fulfillmentOrders.SelectMany(f => f.Lines).ToDictionary(l => l.Id, l => l.Remaining);
    private int _created;

    /// <summary>The <c>fulfillmentCreate</c> variables received, in order.</summary>
    public List<JsonElement> Fulfillments { get; } = [];

    /// <summary>The <c>fulfillmentOrderLineItemsPreparedForPickup</c> variables received, in order.</summary>
    public List<JsonElement> PreparedForPickup { get; } = [];

    public (int Status, string Body)? Handle(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Json.GetProperty("query").GetString() ?? string.Empty;
        var variables = request.Json.GetProperty("variables").Clone();
        lock (_gate)
        {
            if (query.Contains("fulfillmentOrders(", StringComparison.Ordinal))
            {
                return (200, Read());
            }

            if (query.Contains("fulfillmentCreate(", StringComparison.Ordinal))
            {
                Fulfillments.Add(variables);
                foreach (var byOrder in variables.GetProperty("fulfillment").GetProperty("lineItemsByFulfillmentOrder").EnumerateArray())
                {
                    var fo = fulfillmentOrders.Single(f => f.Id == byOrder.GetProperty("fulfillmentOrderId").GetString());
                    if (byOrder.TryGetProperty("fulfillmentOrderLineItems", out var items) && items.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in items.EnumerateArray())
                        {
                            _remaining[item.GetProperty("id").GetString()!] -= item.GetProperty("quantity").GetInt32();
                        }
                    }
                    else
                    {
                        fo.Lines.ToList().ForEach(l => _remaining[l.Id] = 0);
                    }
                }

                var id = "gid://shopify/Fulfillment/" + (++_created).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return (200, """{"data":{"fulfillmentCreate":{"fulfillment":{"id":"ID"},"userErrors":[]}}}""".Replace("ID", id, StringComparison.Ordinal));
            }

            if (query.Contains("fulfillmentOrderLineItemsPreparedForPickup(", StringComparison.Ordinal))
            {
                PreparedForPickup.Add(variables);
                return (200, """{"data":{"fulfillmentOrderLineItemsPreparedForPickup":{"userErrors":[]}}}""");
            }
        }

        return null;
    }

    private string Read()
    {
        var nodes = new JsonArray();
        foreach (var fo in fulfillmentOrders)
        {
            var lines = new JsonArray();
            foreach (var line in fo.Lines)
            {
                lines.Add(new JsonObject
                {
                    ["id"] = line.Id,
                    ["remainingQuantity"] = _remaining[line.Id],
                    ["totalQuantity"] = line.Remaining,
                    ["lineItem"] = new JsonObject { ["id"] = line.LineItemId },
                });
            }

            var closed = fo.Lines.All(l => _remaining[l.Id] == 0);
            nodes.Add(new JsonObject
            {
                ["id"] = fo.Id,
                ["status"] = closed ? "CLOSED" : fo.Status,
                ["supportedActions"] = closed ? new JsonArray() : new JsonArray(new JsonObject { ["action"] = "CREATE_FULFILLMENT" }),
                ["assignedLocation"] = new JsonObject { ["location"] = new JsonObject { ["id"] = fo.LocationId } },
                ["lineItems"] = new JsonObject { ["pageInfo"] = new JsonObject { ["hasNextPage"] = false }, ["nodes"] = lines },
            });
        }

        var answer = new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["order"] = new JsonObject
                {
                    ["fulfillmentOrders"] = new JsonObject { ["pageInfo"] = new JsonObject { ["hasNextPage"] = false }, ["nodes"] = nodes },
                },
            },
        };
        return answer.ToJsonString();
    }
}
