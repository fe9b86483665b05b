using System.Runtime.CompilerServices;
using System.Text.Json;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;

namespace Omnichannel.Channels.Adapters.Shopify;

/// <summary>
/// The reconciliation job Shopify recommends behind its webhooks (deliveries can be a day late, and a subscription
/// that keeps failing is removed): <c>GET /admin/api/{version}/orders.json?status=any&amp;updated_at_min=&amp;updated_at_max=</c>,
/// 250 per page, following the <c>Link: &lt;…&gt;; rel="next"</c> header (cursor paging; the next URL carries its
/// own filters). Opt in per account with <c>Poll = true</c>; what webhooks already delivered is deduplicated.
/// </summary>
public sealed class ShopifyPoller : IOrderPoller
{
    public const int PageSize = 250;

    public string Adapter => "shopify";

    public async IAsyncEnumerable<PolledPage> PollAsync(ChannelRequest request, PollWindow window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(window);
        string? path = PollReading.Path(
            ShopifyApi.AdminPath(request.Account, "orders.json"),
            ("status", "any"),
            ("updated_at_min", PollReading.Iso(window.From)),
            ("updated_at_max", PollReading.Iso(window.To)),
            ("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        while (path is not null)
        {
            string? next = null;
            var bytes = await request.SendAsync(
                "orders",
                HttpMethod.Get,
                path,
                null,
                idempotent: true,
                m => ShopifyApi.Authorize(m, request.Account),
                inspect: answer => next = NextPage(answer, request.Account.BaseUrl));
            using var json = JsonDocument.Parse(bytes);
            var orders = json.RootElement.TryGetProperty("orders", out var list) ? list.EnumerateArray().ToList() : [];
            var (mapped, unreadable) = PageMapper.MapEach(orders, o => ShopifyOrderMapper.Map(o, request.Account));
            yield return new PolledPage(path, bytes, mapped, new PollCursor(window.To, null)) { Unreadable = unreadable };
            path = next;
        }
    }

    /// <summary>The <c>rel="next"</c> URL of the <c>Link</c> header, relative to the account's base URL; null on the last page.</summary>
    public static string? NextPage(HttpResponseMessage answer, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!answer.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var link in values.SelectMany(v => v.Split(',')))
        {
            var parts = link.Split(';', StringSplitOptions.TrimEntries);
            var target = parts[0].Trim('<', '>');
            if (parts.Length < 2 || !parts.Skip(1).Any(p => p.Replace(" ", string.Empty, StringComparison.Ordinal) == "rel=\"next\"")
                || !Uri.TryCreate(target, UriKind.Absolute, out var url))
            {
                continue;
            }

            var root = baseUrl.ToString().TrimEnd('/') + "/";
            return target.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? target[root.Length..] : url.PathAndQuery.TrimStart('/');
        }

        return null;
    }
}
