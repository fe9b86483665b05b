using System.Runtime.CompilerServices;
using System.Text.Json;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;

namespace Omnichannel.Channels.Adapters.Walmart;

/// <summary>
/// The safety net behind PO_CREATED webhooks (opt in with <c>Poll = true</c>):
/// <c>GET /v3/orders?lastModifiedStartDate=&amp;lastModifiedEndDate=</c>, then <c>GET /v3/orders{nextCursor}</c>
/// while <c>list.meta.nextCursor</c> is set.
/// </summary>
public sealed class WalmartPoller : IOrderPoller
{
    public string Adapter => "walmart";

    public async IAsyncEnumerable<PolledPage> PollAsync(ChannelRequest request, PollWindow window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(window);
        var path = PollReading.Path("v3/orders", ("lastModifiedStartDate", PollReading.Iso(window.From)), ("lastModifiedEndDate", PollReading.Iso(window.To)), ("limit", "100"));
        while (path is not null)
        {
            var bytes = await request.SendAsync("getAllOrders", HttpMethod.Get, path, null, idempotent: true, m => WalmartApi.Authorize(m, request.Account, Guid.NewGuid().ToString()));
            using var json = JsonDocument.Parse(bytes);
            var list = json.RootElement.GetProperty("list");
            var orders = list.TryGetProperty("elements", out var elements) && elements.TryGetProperty("order", out var o) ? o.EnumerateArray().ToList() : [];
            var (mapped, unreadable) = PageMapper.MapEach(orders, e => WalmartOrderMapper.Map(e, request.Account));
            yield return new PolledPage(path, bytes, mapped, new PollCursor(window.To, null)) { Unreadable = unreadable };
            var next = list.TryGetProperty("meta", out var meta) && meta.TryGetProperty("nextCursor", out var cursor) ? cursor.GetString() : null;
            path = string.IsNullOrEmpty(next) ? null : "v3/orders" + next;
        }
    }
}
