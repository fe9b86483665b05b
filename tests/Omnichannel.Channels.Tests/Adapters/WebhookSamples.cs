using System.Globalization;
using System.Text;
using Omnichannel.Channels.Adapters.BigCommerce;
using Omnichannel.Channels.Adapters.Shopify;
using Omnichannel.Channels.Adapters.Walmart;
using Omnichannel.Channels.Adapters.WooCommerce;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Tests.Support;

namespace Omnichannel.Channels.Tests.Adapters;

/// <summary>One signing sample per webhook adapter name; the contract test fails for an adapter that has none.</summary>
public static class WebhookSamples
{
    public static readonly IReadOnlyDictionary<string, WebhookSample> ByAdapter = new Dictionary<string, WebhookSample>(StringComparer.Ordinal)
    {
        ["shopify"] = new(
            Payload.Bytes("Shopify", "orders-create.json"),
            (body, secret) => [(ShopifyWebhookAdapter.SignatureHeader, Deliveries.Base64Hmac(body, secret))],
            [("X-Shopify-Topic", "orders/create"), ("X-Shopify-Event-Id", "evt-1")]),
        ["woocommerce"] = new(
            Payload.Bytes("WooCommerce", "order-created.json"),
            (body, secret) => [(WooCommerceWebhookAdapter.SignatureHeader, Deliveries.Base64Hmac(body, secret))],
            [("X-WC-Webhook-Topic", "order.created")]),
        ["walmart"] = new(
            Payload.Bytes("Walmart", "po-created.json"),
            (body, secret) => [(WalmartWebhookAdapter.DefaultSignatureHeader, Deliveries.Base64Hmac(body, secret))],
            []),
        ["generic"] = new(Payload.Bytes("Generic", "order-created.json"), (body, secret) => Deliveries.HubHeaders(body, Deliveries.Now, secret), []),
        ["pos"] = new(Payload.Bytes("Pos", "sale.json"), (body, secret) => Deliveries.HubHeaders(body, Deliveries.Now, secret), []),
        ["etsy"] = new(Payload.Bytes("Etsy", "order-paid.json"), EtsyHeaders, []),
        ["bigcommerce"] = new(
            Payload.Bytes("BigCommerce", "order-created.json"),
            (_, secret) => [(BigCommerceWebhookAdapter.DefaultSecretHeader, secret)],
            [],
            SignsBody: false),
    };

    /// <summary>Standard-Webhooks signing with a plain (not <c>whsec_</c>) secret: the key is its UTF-8 bytes.</summary>
    private static (string Name, string Value)[] EtsyHeaders(byte[] body, string secret)
    {
        var timestamp = Deliveries.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(Hmac.Sign(Encoding.UTF8.GetBytes(secret), $"msg_1.{timestamp}.", body));
        return [("webhook-id", "msg_1"), ("webhook-timestamp", timestamp), ("webhook-signature", "v1," + signature)];
    }
}
