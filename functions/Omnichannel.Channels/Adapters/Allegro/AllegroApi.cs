using System.Net.Http.Headers;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Allegro;

/// <summary>
/// Allegro REST. Settings: <c>BaseUrl</c> (https://api.allegro.pl), <c>AccessToken</c>, <c>TrackingPath</c>
/// (default <c>order/checkout-forms/{orderId}/shipments</c>: the tracking endpoint is not in our copy of the
/// docs, so it is a setting), <c>SentStatus</c> (default SENT). Stock:
/// <c>PUT /sale/offer-quantity-change-commands/{commandId}</c>; the command id is fixed before the first
/// attempt, so a retried PUT is the same command.
/// </summary>
public sealed class AllegroApi : IChannelApi
{
    public const string MediaType = "application/vnd.allegro.public.v1+json";

    public string Adapter => "allegro";

    public async Task<ShipmentReceipt> ReportShipmentAsync(ChannelRequest request, ShipmentReport shipment, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shipment);
        var order = ChannelRequestExtensions.Segment(shipment.ChannelOrderId);
        var trackingPath = (request.Account["TrackingPath"] ?? "order/checkout-forms/{orderId}/shipments").Replace("{orderId}", order, StringComparison.Ordinal);
        var body = new
        {
            carrierId = shipment.Carrier,
            waybill = shipment.TrackingNumber,
            lineItems = shipment.Lines.Select(l => new { id = l.ChannelLineId }).ToArray(),
        };
        using var answer = await request.SendJsonAsync("shipments", HttpMethod.Post, trackingPath, body, idempotent: false, m => Authorize(m, request.Account), MediaType);
        using var status = await request.SendJsonAsync("fulfillment", HttpMethod.Put, $"order/checkout-forms/{order}/fulfillment", new { status = request.Account["SentStatus"] ?? "SENT" }, idempotent: true, m => Authorize(m, request.Account), MediaType);
        return new ShipmentReceipt(answer is not null && answer.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null);
    }

    public async Task SetAvailableQuantityAsync(ChannelRequest request, ListingQuantity listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        var body = new
        {
            modification = new { changeType = "FIXED", value = listing.Quantity },
            offerCriteria = new[] { new { offers = new[] { new { id = listing.ListingId ?? throw new ArgumentException("Allegro needs the offer id (ListingId).", nameof(listing)) } }, type = "CONTAINS_OFFERS" } },
        };
        using var answer = await request.SendJsonAsync("offer-quantity-change-commands", HttpMethod.Put, $"sale/offer-quantity-change-commands/{Guid.NewGuid()}", body, idempotent: true, m => Authorize(m, request.Account), MediaType);
    }

    public Task AcknowledgeCancellationAsync(ChannelRequest request, string channelOrderId) => Task.CompletedTask;

    internal static void Authorize(HttpRequestMessage message, ChannelAccount account)
    {
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.Required("AccessToken"));
        message.Headers.Accept.ParseAdd(MediaType);
    }
}
