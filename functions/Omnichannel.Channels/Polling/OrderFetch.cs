using System.Text.Json;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Polling;

/// <summary>The GET-one-order call every fetcher makes: a 404 means the channel does not know the id; mapping errors are <see cref="FetchedOrder.Unreadable"/>.</summary>
public static class OrderFetch
{
    public static async Task<FetchedOrder?> GetAsync(ChannelRequest request, string operation, string path, Action<HttpRequestMessage>? configure, Func<JsonElement, CanonicalOrder> map)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(map);
        return await request.TryGetAsync(operation, path, configure) is { } body ? Map(path, body, map) : null;
    }

    /// <summary>Maps an answer already read, turning the mappers' payload errors into <see cref="FetchedOrder.Unreadable"/>.</summary>
    public static FetchedOrder Map(string url, byte[] body, Func<JsonElement, CanonicalOrder> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        try
        {
            using var json = JsonDocument.Parse(body);
            var (orders, unreadable) = PageMapper.MapEach([json.RootElement], map);
            return new FetchedOrder(url, body, orders.FirstOrDefault(), unreadable.FirstOrDefault());
        }
        catch (JsonException e)
        {
            return new FetchedOrder(url, body, null, $"not JSON: {e.Message}");
        }
    }
}
