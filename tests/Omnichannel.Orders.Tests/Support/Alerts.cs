using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Orders.Activities;
using Omnichannel.Storage.Connection;
using Omnichannel.Testing;

namespace Omnichannel.Orders.Tests.Support;

/// <summary>Reads the order alerts queue of a hub (peeked, left in place).</summary>
public static class Alerts
{
    public static async Task<IReadOnlyList<OrderAlert>> ReadAsync(OrderHub hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var queue = hub.Services.GetRequiredService<StorageAccount>().Queues.GetQueueClient(hub.Settings["Orders:AlertsQueue"]);
        if (!(await queue.ExistsAsync()).Value)
        {
            return [];
        }

        PeekedMessage[] peeked = (await queue.PeekMessagesAsync(32)).Value;
        return peeked.Select(m => OrderJson.Deserialize<OrderAlert>(m.Body.ToString())!).ToList();
    }

    /// <summary>Returns once the hub has queued an order alert of that kind.</summary>
    public static Task WaitForAsync(OrderHub hub, string kind) =>
        Eventually.UntilAsync(async () => (await ReadAsync(hub)).Any(a => a.Kind == kind), $"a {kind} alert");
}
