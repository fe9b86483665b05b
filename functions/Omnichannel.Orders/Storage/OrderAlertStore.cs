using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Omnichannel.Orders.Activities;
using Omnichannel.Orders.Configuration;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;
using Omnichannel.Storage.Tables;

namespace Omnichannel.Orders.Storage;

/// <summary>
/// Where order alerts go: the alerts queue (<see cref="OrdersOptions.AlertsQueue"/>), for a consumer, which takes
/// them away, and a copy of each as the queue got it, kept for operations to list newest first: orders table,
/// PartitionKey <c>alert</c>, RowKey inverted time plus the alert's key, so a re-run of the activity (same key and
/// time) is one row (409 = seen before).
/// </summary>
public sealed class OrderAlertStore(OrderStore store, StorageAccount account, IOptions<OrdersOptions> options)
{
    internal const string Partition = "alert";

    /// <summary>Sends the alert (JSON) to the alerts queue, creating the queue if needed. A re-run sends it again.</summary>
    public async Task QueueAsync(OrderAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var queue = account.Queues.GetQueueClient(options.Value.AlertsQueue);
        await StorageCall.RunAsync(() => queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        await StorageCall.RunAsync(() => queue.SendMessageAsync(OrderJson.Serialize(alert), cancellationToken));
    }

    /// <summary>Keeps the alert for the console; a second write of the same alert is ignored (409).</summary>
    public async Task RecordAsync(OrderAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await store.EnsureCreatedAsync(cancellationToken);
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - alert.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var entity = new TableEntity(Partition, $"{newestFirst}-{TableKeys.Escape(alert.Key)}")
        {
            ["OrderId"] = alert.OrderId,
            ["Kind"] = alert.Kind,
            ["Detail"] = alert.Detail,
            ["At"] = alert.At,
            ["Key"] = alert.Key,
        };
        await StorageCall.TryCreateAsync(() => store.Table.AddEntityAsync(entity, cancellationToken));
    }

    /// <summary>Newest first, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<OrderAlert>> ListAsync(int take, CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var filter = TableFilter.Partition(Partition);
        var alerts = new List<OrderAlert>();
        await foreach (var row in store.Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken))
        {
            alerts.Add(new OrderAlert(row.GetString("OrderId"), row.GetString("Kind"), row.GetString("Detail"), row.GetDateTimeOffset("At") ?? default, row.GetString("Key")));
            if (alerts.Count >= take)
            {
                break;
            }
        }

        return alerts;
    }
}
