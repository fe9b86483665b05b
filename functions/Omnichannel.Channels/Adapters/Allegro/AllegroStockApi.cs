using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Allegro;

/// <summary>
/// Allegro stock reads and batches. Read: <c>GET /sale/product-offers/{offerId}</c> → <c>stock.available</c>.
/// Batch: one <c>offer-quantity-change-commands</c> PUT per distinct figure, naming every offer that shares it
/// (<c>CONTAINS_OFFERS</c>). The offers-per-command limit is not in our copy of the docs: the account setting
/// <c>StockBatchSize</c> (default 100, at most 1000). A command is accepted as a whole; the per-offer task report
/// (<c>GET .../{commandId}/tasks</c>) is not polled, so an offer Allegro rejects later is caught by reconciliation.
/// </summary>
public sealed class AllegroStockApi : IChannelStockReadApi, IChannelStockBatchApi
{
    public string Adapter => "allegro";

    public int MaxQuantitiesPerCall(ChannelAccount account) => StockBatchSize.Of(account, 1000, 100);

    public async Task<int?> GetAvailableQuantityAsync(ChannelRequest request, ListingIds listing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listing);
        var offer = ChannelRequestExtensions.Segment(listing.ListingId ?? throw new ArgumentException("Allegro needs the offer id (ListingId).", nameof(listing)));
        using var answer = await request.TryGetJsonAsync("getProductOffer", $"sale/product-offers/{offer}", m => AllegroApi.Authorize(m, request.Account));
        return answer?.RootElement.Quantity("stock", "available");
    }

    public async Task<IReadOnlyList<ChannelApiException?>> SetAvailableQuantitiesAsync(ChannelRequest request, IReadOnlyList<ListingQuantity> listings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listings);
        var results = new ChannelApiException?[listings.Count];
        var groups = Enumerable.Range(0, listings.Count).Where(i => listings[i].ListingId is not null).GroupBy(i => listings[i].Quantity);
        foreach (var i in Enumerable.Range(0, listings.Count).Where(i => listings[i].ListingId is null))
        {
            results[i] = new ChannelApiException(request.Account.Channel, "offer-quantity-change-commands", null, "Allegro needs the offer id (ListingId).");
        }

        foreach (var group in groups)
        {
            var body = new
            {
                modification = new { changeType = "FIXED", value = group.Key },
                offerCriteria = new[] { new { offers = group.Select(i => new { id = listings[i].ListingId }).ToArray(), type = "CONTAINS_OFFERS" } },
            };
            try
            {
                using var answer = await request.SendJsonAsync("offer-quantity-change-commands", HttpMethod.Put, $"sale/offer-quantity-change-commands/{Guid.NewGuid()}", body, idempotent: true, m => AllegroApi.Authorize(m, request.Account), AllegroApi.MediaType);
            }
            catch (ChannelApiException e)
            {
                foreach (var i in group)
                {
                    results[i] = e;
                }
            }
        }

        return results;
    }
}
