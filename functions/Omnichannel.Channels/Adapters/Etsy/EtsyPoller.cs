using System.Globalization;
using System.Runtime.CompilerServices;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;

namespace Omnichannel.Channels.Adapters.Etsy;

/// <summary>
/// Etsy's primary order path: <c>GET /v3/application/shops/{shop_id}/receipts?min_last_modified=&amp;max_last_modified=</c>
/// (unix seconds), offset paging.
/// </summary>
public sealed class EtsyPoller : IOrderPoller
{
    public const int PageSize = 100;

    public string Adapter => "etsy";

    public async IAsyncEnumerable<PolledPage> PollAsync(ChannelRequest request, PollWindow window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(window);
        var shop = Uri.EscapeDataString(request.Account.Required("ShopId"));
        for (var offset = 0; ; offset += PageSize)
        {
            var path = PollReading.Path(
                $"v3/application/shops/{shop}/receipts",
                ("min_last_modified", window.From.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
                ("max_last_modified", window.To.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
                ("limit", PageSize.ToString(CultureInfo.InvariantCulture)),
                ("offset", offset.ToString(CultureInfo.InvariantCulture)));
            var (body, json) = await PollReading.GetAsync(request, "getShopReceipts", path, m => EtsyApi.Authorize(m, request.Account));
            using (json)
            {
                var receipts = json.RootElement.TryGetProperty("results", out var list) ? list.EnumerateArray().ToList() : [];
                var (mapped, unreadable) = PageMapper.MapEach(receipts, r => EtsyReceiptMapper.Map(r, request.Account));
                yield return new PolledPage(path, body, mapped, new PollCursor(window.To, null)) { Unreadable = unreadable };
                if (receipts.Count < PageSize)
                {
                    yield break;
                }
            }
        }
    }
}
