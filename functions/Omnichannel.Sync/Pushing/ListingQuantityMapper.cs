using Omnichannel.Channels.Outbound;
using Omnichannel.Sync.Configuration;

namespace Omnichannel.Sync.Pushing;

/// <summary>
/// Turns a catalogue listing into the ids each channel's stock call needs. The catalogue keeps one item id
/// per listing, so: WooCommerce and BigCommerce take <c>product:variant</c> (variant optional); eBay takes the
/// item id as the offer id; Shopify takes the inventory item gid and the location from
/// <c>Sync:ChannelLocations:{channel}:{store}</c>; the channel SKU is the seller SKU, else the item id.
/// </summary>
public sealed class ListingQuantityMapper(Microsoft.Extensions.Options.IOptions<SyncOptions> options)
{
    public ListingQuantity Map(ListingPush push)
    {
        ArgumentNullException.ThrowIfNull(push);
        return Ids(push.Channel, push.Account, push.ChannelItemId, push.SellerSku).WithQuantity(push.Quantity);
    }

    public ListingIds Ids(string channel, string account, string channelItemId, string? sellerSku)
    {
        ArgumentNullException.ThrowIfNull(channelItemId);
        var sku = string.IsNullOrWhiteSpace(sellerSku) ? channelItemId : sellerSku;
        string? listingId = channelItemId;
        string? variantId = null;
        if (channel is "woocommerce" or "bigcommerce" && channelItemId.Split(':', 2) is [var product, var variant])
        {
            listingId = product;
            variantId = variant;
        }

        var location = options.Value.ChannelLocations.GetValueOrDefault(channel)?.GetValueOrDefault(account);
        var offer = channel == "ebay" ? channelItemId : null;
        return new ListingIds(sku, listingId, variantId, location, offer);
    }
}
