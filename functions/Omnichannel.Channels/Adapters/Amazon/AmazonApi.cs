using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Amazon;

/// <summary>
/// Amazon SP-API. Settings: <c>BaseUrl</c> (regional endpoint), <c>AccessToken</c> (LWA token, header
/// <c>x-amz-access-token</c>), <c>MarketplaceId</c>, <c>SellerId</c>, <c>ProductType</c> (default PRODUCT),
/// <c>FulfillmentChannelCode</c> (default DEFAULT). Tracking: <c>confirmShipment</c>, one call per package;
/// the package reference id is derived from the idempotency key, and Amazon edits (not duplicates) a package
/// sent again with the same id, so retries are safe. Stock: <c>patchListingsItem</c> merging
/// <c>/attributes/fulfillment_availability</c>.
/// </summary>
public sealed class AmazonApi : IChannelApi
{
    public string Adapter => "amazon";

    public async Task<ShipmentReceipt> ReportShipmentAsync(ChannelRequest request, ShipmentReport shipment, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shipment);
        var packageReferenceId = PackageReferenceId(idempotencyKey);
        var body = new
        {
            marketplaceId = request.Account.Required("MarketplaceId"),
            packageDetail = new
            {
                packageReferenceId,
                carrierCode = shipment.Carrier,
                shippingMethod = shipment.ShippingMethod,
                trackingNumber = shipment.TrackingNumber,
                shipDate = shipment.ShippedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                orderItems = shipment.Lines.Select(l => new { orderItemId = l.ChannelLineId, quantity = l.Quantity }).ToArray(),
            },
        };
        using var answer = await request.SendJsonAsync(
            "confirmShipment",
            HttpMethod.Post,
            $"orders/v0/orders/{ChannelRequestExtensions.Segment(shipment.ChannelOrderId)}/shipmentConfirmation",
            body,
            idempotent: true,
            m => Authorize(m, request.Account));
        return new ShipmentReceipt(packageReferenceId);
    }

    public async Task SetAvailableQuantityAsync(ChannelRequest request, ListingQuantity listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        var account = request.Account;
        var body = new
        {
            productType = account["ProductType"] ?? "PRODUCT",
            patches = new[]
            {
                new
                {
                    op = "merge",
                    path = "/attributes/fulfillment_availability",
                    value = new[] { new { fulfillment_channel_code = account["FulfillmentChannelCode"] ?? "DEFAULT", quantity = listing.Quantity } },
                },
            },
        };
        var path = $"listings/2021-08-01/items/{ChannelRequestExtensions.Segment(account.Required("SellerId"))}/{ChannelRequestExtensions.Segment(listing.ChannelSku)}?marketplaceIds={ChannelRequestExtensions.Segment(account.Required("MarketplaceId"))}";
        using var answer = await request.SendJsonAsync("patchListingsItem", HttpMethod.Patch, path, body, idempotent: true, m => Authorize(m, account));
    }

    /// <summary>Amazon documents no acknowledgement for a buyer cancellation in the Orders API.</summary>
    public Task AcknowledgeCancellationAsync(ChannelRequest request, string channelOrderId) => Task.CompletedTask;

    /// <summary>A positive number stable for the key (SP-API package references are numeric).</summary>
    public static string PackageReferenceId(string idempotencyKey) =>
        ((BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey))) % 999_999_999UL) + 1).ToString(CultureInfo.InvariantCulture);

    internal static void Authorize(HttpRequestMessage message, ChannelAccount account) =>
        message.Headers.Add("x-amz-access-token", account.Required("AccessToken"));
}
