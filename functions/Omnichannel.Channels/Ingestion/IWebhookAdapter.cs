using Omnichannel.Channels.Configuration;

namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// The inbound side of a channel: its signature scheme and how its payloads map to canonical orders.
/// Registered once per adapter; resolved by the channel name in the route or by the account's
/// <c>Adapter</c> setting (so a new platform can reuse the generic adapter by configuration only).
/// </summary>
public interface IWebhookAdapter
{
    /// <summary>Adapter name, lower case (e.g. <c>shopify</c>, <c>generic</c>).</summary>
    string Name { get; }

    /// <summary>Headers that carry a secret (not a signature) and must not be archived.</summary>
    IReadOnlyCollection<string> SecretHeaders(ChannelAccount account) => [];

    /// <summary>
    /// A handshake the channel sends unsigned and that carries no data (WooCommerce's activation ping):
    /// answered 200 without storing anything.
    /// </summary>
    bool IsUnsignedPing(WebhookDelivery delivery) => false;

    /// <summary>Checks the request's signature over the raw body, in constant time.</summary>
    SignatureCheck Verify(WebhookDelivery delivery, ChannelAccount account, DateTimeOffset now);

    /// <summary>The channel's id of this delivery or event, for dedupe; null when the channel sends none.</summary>
    string? DeliveryId(WebhookDelivery delivery);

    /// <summary>
    /// Maps an authentic payload. Throws <see cref="PayloadException"/> (or a JSON/format exception) when the
    /// payload cannot be read: the ingestor quarantines it.
    /// </summary>
    WebhookContent Read(WebhookDelivery delivery, ChannelAccount account);
}
