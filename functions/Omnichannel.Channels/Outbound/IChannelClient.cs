namespace Omnichannel.Channels.Outbound;

/// <summary>
/// The outbound side of one channel, for every store of it: resolve with
/// <see cref="ChannelClients.Get(string)"/> by channel name. Calls go through the account's resilient
/// HttpClient (retries honouring Retry-After, circuit breaker, timeouts, rate limiter per account).
/// A failure the channel reports (after retries) is a <see cref="ChannelApiException"/>.
/// </summary>
public interface IChannelClient
{
    string Channel { get; }

    /// <summary>
    /// Reports a shipment with tracking. <paramref name="idempotencyKey"/> is stable for one shipment: where the
    /// channel can dedupe (Amazon packageReferenceId, generic/POS Idempotency-Key) it is sent, and retries are
    /// free; elsewhere only answers that prove nothing was created (429) are retried.
    /// </summary>
    Task<ShipmentReceipt> ReportShipmentAsync(string store, ShipmentReport shipment, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Sets the quantity a listing offers (an absolute value, so a retry is harmless).</summary>
    Task SetAvailableQuantityAsync(string store, ListingQuantity listing, CancellationToken cancellationToken);

    /// <summary>Tells the channel the hub has processed a cancellation; a no-op where the channel needs none.</summary>
    Task AcknowledgeCancellationAsync(string store, string channelOrderId, CancellationToken cancellationToken);
}

/// <summary>One shipment of an order.</summary>
/// <param name="ChannelOrderId">The channel's order id (Walmart: purchaseOrderId; Etsy: receipt id).</param>
/// <param name="Lines">Channel line ids and quantities in this package; empty = every line (where the channel allows).</param>
/// <param name="Carrier">Carrier name or code as the channel knows it.</param>
/// <param name="TrackingNumber">Tracking number.</param>
/// <param name="TrackingUrl">Tracking link, if any.</param>
/// <param name="ShippedAt">When it left.</param>
/// <param name="ShippingMethod">Service level / method code, where the channel wants one.</param>
/// <param name="NotifyCustomer">Ask the channel to notify the buyer, where it can.</param>
public sealed record ShipmentReport(
    string ChannelOrderId,
    IReadOnlyList<ShipmentLine> Lines,
    string Carrier,
    string TrackingNumber,
    Uri? TrackingUrl,
    DateTimeOffset ShippedAt,
    string? ShippingMethod = null,
    bool NotifyCustomer = true);

/// <param name="ChannelLineId">The channel's line id (Shopify: the order line item id, put onto its fulfillment orders by the adapter; Walmart: line number).</param>
/// <param name="Quantity">Units in this shipment.</param>
public sealed record ShipmentLine(string ChannelLineId, int Quantity);

/// <summary>What the channel answered: its id of the fulfilment/shipment, when it gives one.</summary>
public sealed record ShipmentReceipt(string? ChannelShipmentId);

/// <summary>The quantity to offer for one listing.</summary>
/// <param name="ChannelSku">Seller SKU on the channel.</param>
/// <param name="Quantity">Units to offer (absolute, never negative).</param>
/// <param name="ListingId">Channel listing/product/item id (Shopify inventory item gid, Etsy listing id, Woo/BigCommerce product id, Allegro offer id).</param>
/// <param name="VariantId">Variant/variation id where the channel needs it (WooCommerce, BigCommerce).</param>
/// <param name="LocationId">Channel location (Shopify location gid).</param>
/// <param name="OfferId">Offer id (eBay).</param>
public sealed record ListingQuantity(string ChannelSku, int Quantity, string? ListingId = null, string? VariantId = null, string? LocationId = null, string? OfferId = null);
