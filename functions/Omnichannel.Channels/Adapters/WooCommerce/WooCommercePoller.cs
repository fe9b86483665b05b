using System.Runtime.CompilerServices;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;

namespace Omnichannel.Channels.Adapters.WooCommerce;

/// <summary>
/// The safety net for WooCommerce's retry-less webhooks: <c>GET /wp-json/wc/v3/orders</c> with
/// <c>modified_after</c>/<c>modified_before</c> (GMT), oldest change first, 100 per page.
/// </summary>
public sealed class WooCommercePoller : IOrderPoller
{
    /// <summary>Orders per page unless the account sets <c>PageSize</c>: the API's maximum.</summary>
    public const int MaxPageSize = 100;

    public string Adapter => "woocommerce";

    public async IAsyncEnumerable<PolledPage> PollAsync(ChannelRequest request, PollWindow window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(window);
        var pageSize = (int)Math.Min(MaxPageSize, request.Account.DoubleOr("PageSize", MaxPageSize));
        for (var page = 1; ; page++)
        {
            var path = PollReading.Path(
                "wp-json/wc/v3/orders",
                ("modified_after", PollReading.Iso(window.From)),
                ("modified_before", PollReading.Iso(window.To)),
                ("dates_are_gmt", "true"),
                ("orderby", "modified"),
                ("order", "asc"),
                ("per_page", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var (body, json) = await PollReading.GetAsync(request, "orders", path, m => WooCommerceApi.Authorize(m, request.Account));
            using (json)
            {
                var items = json.RootElement.EnumerateArray().ToList();
                var (orders, unreadable) = PageMapper.MapEach(items, o => WooCommerceOrderMapper.Map(o, request.Account));
                yield return new PolledPage(path, body, orders, new PollCursor(window.To, null)) { Unreadable = unreadable };
                if (items.Count < pageSize)
                {
                    yield break;
                }
            }
        }
    }
}
