using System.Text.Json;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Polling;

/// <summary>Maps each order of a page on its own: one unreadable order is quarantined, the rest still flow.</summary>
public static class PageMapper
{
    public static (List<CanonicalOrder> Orders, List<string> Unreadable) MapEach(IEnumerable<JsonElement> items, Func<JsonElement, CanonicalOrder> map)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(map);
        var orders = new List<CanonicalOrder>();
        var unreadable = new List<string>();
        var index = 0;
        foreach (var item in items)
        {
            try
            {
                orders.Add(map(item));
            }
            catch (Exception e) when (e is PayloadException or FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
            {
                unreadable.Add($"item {index}: {e.GetType().Name}: {e.Message}");
            }

            index++;
        }

        return (orders, unreadable);
    }
}
