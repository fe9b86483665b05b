using System.Runtime.CompilerServices;
using System.Text.Json;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;

namespace Omnichannel.Channels.Adapters.Amazon;

/// <summary>
/// Amazon's advised backup to ORDER_CHANGE notifications, and the hub's primary path:
/// <c>GET /orders/v0/orders?LastUpdatedAfter=&amp;LastUpdatedBefore=</c> with <c>NextToken</c> paging, then
/// <c>getOrderItems</c> per order. The archived page holds the orders response and each items response as received.
/// </summary>
public sealed class AmazonPoller : IOrderPoller
{
    public string Adapter => "amazon";

    public async IAsyncEnumerable<PolledPage> PollAsync(ChannelRequest request, PollWindow window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(window);
        var marketplace = Uri.EscapeDataString(request.Account.Required("MarketplaceId"));
        string? nextToken = null;
        do
        {
            var path = nextToken is null
                ? PollReading.Path("orders/v0/orders", ("MarketplaceIds", marketplace), ("LastUpdatedAfter", PollReading.Iso(window.From)), ("LastUpdatedBefore", PollReading.Iso(window.To)))
                : PollReading.Path("orders/v0/orders", ("MarketplaceIds", marketplace), ("NextToken", Uri.EscapeDataString(nextToken)));
            var (body, json) = await PollReading.GetAsync(request, "getOrders", path, m => AmazonApi.Authorize(m, request.Account));
            using (json)
            {
                var payload = json.RootElement.GetProperty("payload");
                nextToken = payload.TryGetProperty("NextToken", out var token) ? token.GetString() : null;
                var orders = payload.TryGetProperty("Orders", out var list) ? list.EnumerateArray().ToList() : [];
                var items = new Dictionary<string, byte[]>();
                foreach (var order in orders)
                {
                    var id = order.GetProperty("AmazonOrderId").GetString()!;
                    items[id] = (await PollReading.GetAsync(request, "getOrderItems", $"orders/v0/orders/{Uri.EscapeDataString(id)}/orderItems", m => AmazonApi.Authorize(m, request.Account))).Body;
                }

                var (mapped, unreadable) = PageMapper.MapEach(orders, o => AmazonOrderMapper.Map(o, ItemsOf(items[o.GetProperty("AmazonOrderId").GetString()!]), request.Account));
                yield return new PolledPage(path, Combine(body, items), mapped, new PollCursor(window.To, null)) { Unreadable = unreadable };
            }
        }
        while (nextToken is not null);
    }

    private static List<JsonElement> ItemsOf(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("payload").GetProperty("OrderItems").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary><c>{"orders": &lt;raw&gt;, "orderItems": {"id": &lt;raw&gt;}}</c>: each response embedded as received.</summary>
    private static byte[] Combine(byte[] orders, Dictionary<string, byte[]> items)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("orders");
            writer.WriteRawValue(orders, skipInputValidation: true);
            writer.WriteStartObject("orderItems");
            foreach (var (id, raw) in items)
            {
                writer.WritePropertyName(id);
                writer.WriteRawValue(raw, skipInputValidation: true);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
