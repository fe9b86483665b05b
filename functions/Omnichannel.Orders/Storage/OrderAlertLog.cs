using System.Globalization;
using Azure.Data.Tables;
using Omnichannel.Orders.Activities;
using Omnichannel.Storage.Errors;
using Omnichannel.Storage.Tables;

namespace Omnichannel.Orders.Storage;

/// <summary>
/// Every order alert as the alerts queue got it, kept for operations to list newest first (the queue is for a
/// consumer, which takes them away): orders table, PartitionKey <c>alert</c>, RowKey inverted time plus the alert's
/// key, so a re-run of the activity (same key and time) is one row (409 = seen before).
/// </summary>
public sealed class OrderAlertLog(OrderStore store)
{
    internal const string Partition = "alert";

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
