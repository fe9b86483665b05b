using System.Text.Json;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Ebay;

/// <summary>
/// eBay stock reads and batches (Inventory API). Read: <c>getInventoryItem</c>
/// (<c>GET /sell/inventory/v1/inventory_item/{sku}</c>) → <c>availability.shipToLocationAvailability.quantity</c>.
/// Batch: <c>bulk_update_price_quantity</c> with up to 25 inventory items (each with at most its one offer, so
/// both readings of the limit, 25 items or 25 offers, hold); the answer (200 or 207) has one
/// <c>responses[]</c> entry per item and offer with its own <c>statusCode</c> and <c>errors</c>.
/// </summary>
public sealed class EbayStockApi : IChannelStockReadApi, IChannelStockBatchApi
{
    public const int MaxPerCall = 25;

    public string Adapter => "ebay";

    public int MaxQuantitiesPerCall(ChannelAccount account) => StockBatchSize.Of(account, MaxPerCall);

    public async Task<int?> GetAvailableQuantityAsync(ChannelRequest request, ListingIds listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        using var answer = await request.TryGetJsonAsync("getInventoryItem", $"sell/inventory/v1/inventory_item/{ChannelRequestExtensions.Segment(listing.ChannelSku)}", m => EbayApi.Authorize(m, request.Account));
        return answer?.RootElement.Quantity("availability", "shipToLocationAvailability", "quantity");
    }

    public async Task<IReadOnlyList<ChannelApiException?>> SetAvailableQuantitiesAsync(ChannelRequest request, IReadOnlyList<ListingQuantity> listings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listings);
        var requests = listings.Select(l =>
        {
            var item = new Dictionary<string, object> { ["sku"] = l.ChannelSku, ["shipToLocationAvailability"] = new { quantity = l.Quantity } };
            if (l.OfferId is { } offerId)
            {
                item["offers"] = new[] { new { offerId, availableQuantity = l.Quantity } };
            }

            return item;
        }).ToArray();
        using var answer = await request.SendJsonAsync("bulkUpdatePriceQuantity", HttpMethod.Post, "sell/inventory/v1/bulk_update_price_quantity", new { requests }, idempotent: true, m => EbayApi.Authorize(m, request.Account))
            ?? throw new ChannelApiException(request.Account.Channel, "bulkUpdatePriceQuantity", 200, "empty answer");
        var responses = answer.RootElement.TryGetProperty("responses", out var r) && r.ValueKind == JsonValueKind.Array ? r.EnumerateArray().ToList() : [];
        return listings.Select(l => Outcome(request.Account.Channel, l, responses)).ToList();
    }

    /// <summary>The listing fails when any answer for its SKU (and offer) is not 200, or when none is given.</summary>
    private static ChannelApiException? Outcome(string channel, ListingQuantity listing, List<JsonElement> responses)
    {
        var mine = responses.Where(e => JsonRead.Opt(e, "sku") == listing.ChannelSku && (JsonRead.Opt(e, "offerId") is not { } offer || offer == listing.OfferId)).ToList();
        if (mine.Count == 0)
        {
            return new ChannelApiException(channel, "bulkUpdatePriceQuantity", null, $"no status for SKU '{listing.ChannelSku}' in the answer");
        }

        var failed = mine.FirstOrDefault(e => e.Quantity("statusCode") != 200);
        return failed.ValueKind == JsonValueKind.Undefined
            ? null
            : new ChannelApiException(channel, "bulkUpdatePriceQuantity", failed.Quantity("statusCode"), failed.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "refused");
    }
}
