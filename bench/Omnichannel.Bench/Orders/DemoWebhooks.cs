using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;

namespace Omnichannel.Bench.Orders;

/// <summary>
/// The demo accounts as the sample settings configure them (<c>Channels:{channel}:demo</c>), and signed order webhooks
/// for them: shared by <c>orders-demo</c>, <c>chaos</c> and <c>orders</c>.
/// </summary>
internal static class DemoWebhooks
{
    public const string ShopifySecret = "demo-shopify-secret";
    public const string GenericSecret = "demo-generic-secret";
    public const string FakeChannelUrl = "http://127.0.0.1:7072";

    /// <summary>A generic channel's order.created webhook of one line, signed with <see cref="GenericSecret"/> now.</summary>
    public static HttpRequestMessage GenericOrder(string channel, string id, object fulfilment, string sku, int quantity, string eventId)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            event_type = "order.created",
            order = new { id, placed_at = "2026-11-25T09:00:00Z", currency = "EUR", lines = new[] { new { id = id + "-1", sku, quantity, unit_price = 24.9m } }, fulfilment },
        });
        var (timestamp, signature) = HubSignature.Sign(GenericSecret, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(), body);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{channel}/demo") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(HubSignature.TimestampHeader, timestamp);
        request.Headers.Add(HubSignature.SignatureHeader, signature);
        request.Headers.Add(HubSignature.EventIdHeader, eventId);
        return request;
    }

    /// <summary>The headers of a Shopify orders/create webhook: the HMAC of <paramref name="body"/> under <paramref name="secret"/>, topic and event id.</summary>
    public static Dictionary<string, string> ShopifyHeaders(string secret, byte[] body, string eventId) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["X-Shopify-Hmac-SHA256"] = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)),
        ["X-Shopify-Topic"] = "orders/create",
        ["X-Shopify-Event-Id"] = eventId,
    };
}
