using System.Globalization;
using System.Runtime.CompilerServices;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;

namespace Omnichannel.Channels.Adapters.Ebay;

/// <summary>eBay has no order webhooks: <c>GET /sell/fulfillment/v1/order?filter=lastmodifieddate:[from..to]</c>, offset paging.</summary>
public sealed class EbayPoller : IOrderPoller
{
    public const int PageSize = 200;

    public string Adapter => "ebay";

    public async IAsyncEnumerable<PolledPage> PollAsync(ChannelRequest request, PollWindow window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(window);
        var filter = Uri.EscapeDataString($"lastmodifieddate:[{Utc(window.From)}..{Utc(window.To)}]");
        for (var offset = 0; ; offset += PageSize)
        {
            var path = PollReading.Path("sell/fulfillment/v1/order", ("filter", filter), ("limit", PageSize.ToString(CultureInfo.InvariantCulture)), ("offset", offset.ToString(CultureInfo.InvariantCulture)));
            var (body, json) = await PollReading.GetAsync(request, "getOrders", path, m => EbayApi.Authorize(m, request.Account));
            using (json)
            {
                var orders = json.RootElement.TryGetProperty("orders", out var list) ? list.EnumerateArray().ToList() : [];
                var (mapped, unreadable) = PageMapper.MapEach(orders, o => EbayOrderMapper.Map(o, request.Account));
                yield return new PolledPage(path, body, mapped, new PollCursor(window.To, null)) { Unreadable = unreadable };
                var total = json.RootElement.TryGetProperty("total", out var t) ? t.GetInt32() : 0;
                if (orders.Count == 0 || offset + orders.Count >= total)
                {
                    yield break;
                }
            }
        }
    }

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
