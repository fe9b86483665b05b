using Omnichannel.Channels.Model;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Polling;

/// <summary>
/// Reads one order by its id. Thin notifications (BigCommerce, Etsy <c>order.paid</c>, Shopify
/// <c>refunds/create</c>, WooCommerce <c>order.deleted</c>, a Walmart PO without lines) carry only the id; the
/// order itself is fetched here and then goes through the same intake as webhooks and polling.
/// </summary>
public interface IOrderFetcher
{
    /// <summary>Adapter name.</summary>
    string Adapter { get; }

    /// <summary>The order as the channel has it now; null when the channel does not know the id (404).</summary>
    Task<FetchedOrder?> FetchAsync(ChannelRequest request, string channelOrderId);
}

/// <summary>One fetched order: the raw answer (archived as received) and the order mapped from it.</summary>
/// <param name="Url">What was read.</param>
/// <param name="Body">Raw bytes as received (a fetcher that joins several answers archives them side by side).</param>
/// <param name="Order">The mapped order; null when it could not be mapped (see <see cref="Unreadable"/>) or must be skipped.</param>
/// <param name="Unreadable">Why the answer could not be mapped: it is quarantined, not lost.</param>
/// <param name="Skipped">Why the channel's record is not an order to act on yet (e.g. an incomplete checkout).</param>
public sealed record FetchedOrder(string Url, byte[] Body, CanonicalOrder? Order, string? Unreadable = null, string? Skipped = null);
