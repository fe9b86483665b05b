using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Generic;

/// <summary>
/// The generic channel's outbound calls (README, "Generic channel"), signed with <see cref="HubSignature"/>
/// using the account's <c>OutboundSecret</c> (default: its <c>Secret</c>), and carrying <c>Idempotency-Key</c>
/// so the receiver can dedupe: <c>POST {BaseUrl}/shipments</c>, <c>PUT {BaseUrl}/listings/{sku}/quantity</c>,
/// <c>POST {BaseUrl}/orders/{id}/cancellation-acknowledgements</c>.
/// </summary>
public class GenericApi : IChannelApi
{
    public virtual string Adapter => "generic";

    public async Task<ShipmentReceipt> ReportShipmentAsync(ChannelRequest request, ShipmentReport shipment, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var body = new
        {
            order_id = shipment.ChannelOrderId,
            lines = shipment.Lines.Select(l => new { id = l.ChannelLineId, quantity = l.Quantity }),
            carrier = shipment.Carrier,
            tracking_number = shipment.TrackingNumber,
            tracking_url = shipment.TrackingUrl?.ToString(),
            shipped_at = shipment.ShippedAt,
            method = shipment.ShippingMethod,
        };
        using var answer = await SendAsync(request, "shipments", HttpMethod.Post, "shipments", body, idempotencyKey);
        return new ShipmentReceipt(answer is not null && answer.RootElement.TryGetProperty("id", out var id) ? id.ToString() : null);
    }

    public async Task SetAvailableQuantityAsync(ChannelRequest request, ListingQuantity listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        using var answer = await SendAsync(request, "quantity", HttpMethod.Put, $"listings/{ChannelRequestExtensions.Segment(listing.ChannelSku)}/quantity", new { sku = listing.ChannelSku, quantity = listing.Quantity }, null);
    }

    public async Task AcknowledgeCancellationAsync(ChannelRequest request, string channelOrderId)
    {
        ArgumentNullException.ThrowIfNull(channelOrderId);
        using var answer = await SendAsync(request, "cancellation-ack", HttpMethod.Post, $"orders/{ChannelRequestExtensions.Segment(channelOrderId)}/cancellation-acknowledgements", new { order_id = channelOrderId }, $"cancel-{channelOrderId}");
    }

    internal static Task<JsonDocument?> SendAsync(ChannelRequest request, string operation, HttpMethod method, string path, object body, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        var (timestamp, signature) = HubSignature.Sign(Secret(request.Account), request.Time.GetUtcNow().ToUnixTimeSeconds(), bytes);
        return request.SendJsonAsync(operation, method, path, bytes, idempotent: true, m =>
        {
            m.Headers.Add(HubSignature.TimestampHeader, timestamp);
            m.Headers.Add(HubSignature.SignatureHeader, signature);
            if (idempotencyKey is not null)
            {
                m.Headers.Add("Idempotency-Key", idempotencyKey);
            }
        });
    }

    private static string Secret(ChannelAccount account) => account["OutboundSecret"] ?? account.Required("Secret");
}
