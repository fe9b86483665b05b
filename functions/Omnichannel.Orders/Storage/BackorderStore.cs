using Azure.Data.Tables;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Orders.Storage;

/// <summary>
/// Which backordered orders wait for which SKU: one row per (SKU, order) in the orders table, PartitionKey
/// <c>backorder_{sku}</c> (escaped), RowKey the order id. Written when a flow backorders, removed when it
/// reserves or is cancelled; the stock-changed waker reads one partition per change.
/// </summary>
public sealed class BackorderStore(OrderStore store)
{
    /// <summary>Records that the order waits for each SKU (an upsert: a repeat changes nothing).</summary>
    public async Task AddAsync(string orderId, IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        await store.EnsureCreatedAsync(cancellationToken);
        foreach (var sku in skus.Distinct(StringComparer.Ordinal))
        {
            await StorageCall.RunAsync(() => store.Table.UpsertEntityAsync(new TableEntity(Partition(sku), orderId), TableUpdateMode.Replace, cancellationToken));
        }
    }

    /// <summary>Removes the order's rows of these SKUs; rows already gone (404) are fine.</summary>
    public async Task RemoveAsync(string orderId, IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        await store.EnsureCreatedAsync(cancellationToken);
        foreach (var sku in skus.Distinct(StringComparer.Ordinal))
        {
            // DeleteEntityAsync answers 404 without throwing.
            await StorageCall.RunAsync(() => store.Table.DeleteEntityAsync(Partition(sku), orderId, cancellationToken: cancellationToken));
        }
    }

    /// <summary>The ids of the orders waiting for the SKU.</summary>
    public async Task<IReadOnlyList<string>> WaitingForAsync(string sku, CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var partition = Partition(sku);
        var ids = new List<string>();
        await foreach (var row in store.Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    private static string Partition(string sku) => "backorder_" + TableKeys.Escape(sku);
}
