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
        var sku = string.IsNullOrWhiteSpace(push.SellerSku) ? push.ChannelItemId : push.SellerSku;
        string? listingId = push.ChannelItemId;
        string? variantId = null;
        if (push.Channel is "woocommerce" or "bigcommerce" && push.ChannelItemId.Split(':', 2) is [var product, var variant])
        {
            listingId = product;
            variantId = variant;
        }

        var location = options.Value.ChannelLocations.GetValueOrDefault(push.Channel)?.GetValueOrDefault(push.Account);
        var offer = push.Channel == "ebay" ? push.ChannelItemId : null;
        return new ListingQuantity(sku, push.Quantity, listingId, variantId, location, offer);
    }
}
