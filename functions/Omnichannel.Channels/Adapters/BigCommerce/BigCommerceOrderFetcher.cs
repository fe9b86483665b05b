using System.Text;
using System.Text.Json;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;

namespace Omnichannel.Channels.Adapters.BigCommerce;

/// <summary>
/// BigCommerce webhooks carry only the order id, so the order is read with three v2 calls:
/// <c>GET /v2/orders/{id}</c>, <c>/products</c> and <c>/shipping_addresses</c>. The three answers are archived side
/// by side, byte for byte, as <c>{"order":…,"products":…,"shipping_addresses":…}</c>.
/// </summary>
public sealed class BigCommerceOrderFetcher : IOrderFetcher
{
    public string Adapter => "bigcommerce";

    public async Task<FetchedOrder?> FetchAsync(ChannelRequest request, string channelOrderId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = $"v2/orders/{ChannelRequestExtensions.Segment(channelOrderId)}";
        if (await request.TryGetAsync("getOrder", path, m => BigCommerceApi.Authorize(m, request.Account)) is not { } order)
        {
            return null;
        }

        var products = await GetAsync(request, "getOrderProducts", path + "/products");
        var addresses = await GetAsync(request, "getOrderShippingAddresses", path + "/shipping_addresses");
        var joined = Join(("order", order), ("products", products), ("shipping_addresses", addresses));
        var fetched = OrderFetch.Map(path, joined, answer => BigCommerceOrderMapper.Map(answer, request.Account));
        using var json = JsonDocument.Parse(joined);
        return fetched.Order is not null && BigCommerceOrderMapper.SkipReason(json.RootElement) is { } reason
            ? fetched with { Order = null, Skipped = reason }
            : fetched;
    }

    private static async Task<byte[]> GetAsync(ChannelRequest request, string operation, string path)
    {
        var bytes = await request.SendAsync(operation, HttpMethod.Get, path, null, idempotent: true, m => BigCommerceApi.Authorize(m, request.Account));

        // v2 answers 204 with no body for an empty list.
        return bytes.Length == 0 ? "[]"u8.ToArray() : bytes;
    }

    private static byte[] Join(params (string Name, byte[] Json)[] parts)
    {
        using var buffer = new MemoryStream();
        buffer.WriteByte((byte)'{');
        for (var i = 0; i < parts.Length; i++)
        {
            var name = Encoding.UTF8.GetBytes((i == 0 ? string.Empty : ",") + JsonSerializer.Serialize(parts[i].Name) + ":");
            buffer.Write(name);
            buffer.Write(parts[i].Json);
        }

        buffer.WriteByte((byte)'}');
        return buffer.ToArray();
    }
}
