using Azure.Data.Tables;
using Omnichannel.Orders.Returns;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Orders.Storage;

/// <summary>
/// Returns live on the order's row (column <c>Returns</c>), written under the row's ETag: the check "not more
/// than shipped minus returned" and the insert are one conditional write, so two returns at once cannot both
/// take the last units, and a repeated return id is recognised.
/// </summary>
public sealed class OrderReturnStore(OrderStore store)
{
    internal const string ReturnsColumn = "Returns";

    /// <summary>
    /// Adds the return unless its id is there (same fingerprint: <see cref="ReturnRecorded.Repeated"/>, else
    /// <see cref="ReturnRecorded.DifferentBody"/>) or a line exceeds what may still come back
    /// (<see cref="ReturnRecorded.TooMany"/>, with that line's index). A 412 re-reads and decides again.
    /// </summary>
    public async Task<(ReturnRecorded Outcome, int? Line)> AddAsync(string orderId, ReturnRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await store.EnsureCreatedAsync(cancellationToken);
        var table = store.Table;
        return await StorageCall.RetryOnConflictAsync<(ReturnRecorded, int?)>(async () =>
        {
            var row = await StorageCall.TryGetAsync(async () => (await table.GetEntityAsync<TableEntity>(OrderStore.OrderPartition, orderId, cancellationToken: cancellationToken)).Value);
            if (row is null)
            {
                return (ReturnRecorded.UnknownOrder, null);
            }

            var returns = OrderJson.Deserialize<List<ReturnRecord>>(row.GetString(ReturnsColumn)) ?? [];
            if (returns.FirstOrDefault(r => r.ReturnId == record.ReturnId) is { } seen)
            {
                return (seen.Fingerprint == record.Fingerprint ? ReturnRecorded.Repeated : ReturnRecorded.DifferentBody, null);
            }

            var shipped = OrderJson.Deserialize<List<Flow.Allocation>>(row.GetString("Shipped")) ?? [];
            if (TooMany(shipped, returns, record) is { } line)
            {
                return (ReturnRecorded.TooMany, line);
            }

            returns.Add(record);
            var patch = new TableEntity(OrderStore.OrderPartition, orderId) { [ReturnsColumn] = OrderJson.Serialize(returns) };
            await StorageCall.RunAsync(() => table.UpdateEntityAsync(patch, row.ETag, TableUpdateMode.Merge, cancellationToken));
            return (ReturnRecorded.Added, null);
        });
    }

    /// <summary>The index of the first line that would bring back more units of its order line than may still come back.</summary>
    internal static int? TooMany(IReadOnlyList<Flow.Allocation> shipped, IReadOnlyList<ReturnRecord> before, ReturnRecord record)
    {
        var asked = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < record.Lines.Count; i++)
        {
            var lineId = record.Lines[i].ChannelLineId;
            asked[lineId] = asked.GetValueOrDefault(lineId) + record.Lines[i].Quantity;
            var sent = shipped.Where(a => a.ChannelLineId == lineId).Sum(a => a.Quantity);
            var back = before.SelectMany(r => r.Lines).Where(l => l.ChannelLineId == lineId).Sum(l => l.Quantity);
            if (asked[lineId] > sent - back)
            {
                return i;
            }
        }

        return null;
    }
}
