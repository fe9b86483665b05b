using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Model;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Returns;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Orders.Storage;

/// <summary>
/// The orders table: one row per order (PartitionKey <c>order</c>, RowKey the order id) holding the latest
/// canonical order, and one row per shipment reported to a channel (PartitionKey <c>report</c>, RowKey the
/// report's idempotency key), and one row per order flow started (PartitionKey <c>flow</c>, RowKey the order id:
/// the insert-first claim of "start only if new"). Created on first use.
/// </summary>
public sealed class OrderStore
{
    internal const string OrderPartition = "order";
    internal const string ReportPartition = "report";
    internal const string FlowPartition = "flow";
    private readonly CreateOnce _created;

    public OrderStore(StorageAccount account, IOptions<OrdersOptions> options)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        Table = account.Tables.GetTableClient(options.Value.OrdersTable);
        _created = new CreateOnce(() => StorageCall.RunAsync(() => Table.CreateIfNotExistsAsync()));
    }

    public TableClient Table { get; }

    /// <summary>
    /// Stores an order: inserted the first time (true); seen again (409), it replaces the stored one unless
    /// that is newer by the channel's <see cref="CanonicalOrder.UpdatedAt"/> (false). A 412 (another writer
    /// in between) re-reads and decides again. Never a second row.
    /// </summary>
    public async Task<bool> UpsertAsync(string orderId, CanonicalOrder order, string messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        await EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(OrderPartition, orderId)
        {
            ["Channel"] = order.Channel,
            ["Store"] = order.Store,
            ["ChannelOrderId"] = order.ChannelOrderId,
            ["Order"] = OrderJson.Serialize(order),
            ["ChannelUpdatedAt"] = order.UpdatedAt ?? order.PlacedAt,
            ["ReceivedAt"] = now,
            ["LastMessageId"] = messageId,
            ["Versions"] = 1,
        };
        if (await StorageCall.TryCreateAsync(() => Table.AddEntityAsync(entity, cancellationToken)))
        {
            return true;
        }

        await StorageCall.RetryOnConflictAsync(async () =>
        {
            var stored = (await StorageCall.RunAsync(() => Table.GetEntityAsync<TableEntity>(OrderPartition, orderId, cancellationToken: cancellationToken))).Value;
            if (stored.GetString("LastMessageId") == messageId || stored.GetDateTimeOffset("ChannelUpdatedAt") > (order.UpdatedAt ?? order.PlacedAt))
            {
                return false;
            }

            entity["ReceivedAt"] = stored.GetDateTimeOffset("ReceivedAt");
            entity["UpdatedAt"] = now;
            entity["Versions"] = (stored.GetInt32("Versions") ?? 1) + 1;
            // What the flow and operations wrote next to the order stays; only the channel's order is replaced.
            foreach (var kept in new[] { "Flags", "Fulfilment", "Shipped", OrderReturnStore.ReturnsColumn })
            {
                entity[kept] = stored.GetString(kept);
            }

            await StorageCall.RunAsync(() => Table.UpdateEntityAsync(entity, stored.ETag, TableUpdateMode.Replace, cancellationToken));
            return true;
        });
        return false;
    }

    /// <summary>
    /// Claims the start of the order's flow for a message: insert first, so of any number of messages of a new
    /// order handled at once, on any host, exactly one insert succeeds (<see cref="FlowClaim.Claimed"/>). A 409
    /// reads who holds the claim: this message (<see cref="FlowClaim.ClaimedBefore"/>, a redelivery, perhaps
    /// after a crash before the start) or another one (<see cref="FlowClaim.SeenBefore"/>). The Durable Task
    /// client's own "start if new" (DedupeStatuses) reads the instance before writing it, a check-then-act that
    /// two hosts can both pass, so it is not relied on.
    /// </summary>
    public async Task<FlowClaim> ClaimFlowAsync(string orderId, string messageId, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var claim = new TableEntity(FlowPartition, orderId) { ["MessageId"] = messageId };
        if (await StorageCall.TryCreateAsync(() => Table.AddEntityAsync(claim, cancellationToken)))
        {
            return FlowClaim.Claimed;
        }

        var stored = await StorageCall.RunAsync(() => Table.GetEntityAsync<TableEntity>(FlowPartition, orderId, cancellationToken: cancellationToken));
        return stored.Value.GetString("MessageId") == messageId ? FlowClaim.ClaimedBefore : FlowClaim.SeenBefore;
    }

    /// <summary>The stored order, or null.</summary>
    public async Task<StoredOrder?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var entity = await StorageCall.TryGetAsync(async () => (await Table.GetEntityAsync<TableEntity>(OrderPartition, orderId, cancellationToken: cancellationToken)).Value);
        return entity is null ? null : ToStored(entity);
    }

    /// <summary>Adds a flag for operations (idempotent: a flag already there is not added twice). False when the order is unknown.</summary>
    public async Task<bool> AddFlagAsync(string orderId, string flag, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await StorageCall.RetryOnConflictAsync(async () =>
        {
            var stored = await StorageCall.TryGetAsync(async () => (await Table.GetEntityAsync<TableEntity>(OrderPartition, orderId, cancellationToken: cancellationToken)).Value);
            if (stored is null)
            {
                return false;
            }

            var flags = OrderJson.Deserialize<List<string>>(stored.GetString("Flags")) ?? [];
            if (!flags.Contains(flag, StringComparer.Ordinal))
            {
                flags.Add(flag);
                var patch = new TableEntity(OrderPartition, orderId) { ["Flags"] = OrderJson.Serialize(flags) };
                await StorageCall.RunAsync(() => Table.UpdateEntityAsync(patch, stored.ETag, TableUpdateMode.Merge, cancellationToken));
            }

            return true;
        });
    }

    /// <summary>Records where and how the order was handed over for fulfilment (overwrites: the same request again changes nothing).</summary>
    public async Task RecordFulfilmentAsync(string orderId, IReadOnlyList<FulfilmentRecord> records, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var patch = new TableEntity(OrderPartition, orderId) { ["Fulfilment"] = OrderJson.Serialize(records) };
        await StorageCall.RunAsync(() => Table.UpsertEntityAsync(patch, TableUpdateMode.Merge, cancellationToken));
    }

    /// <summary>
    /// Adds shipped allocations to what the order has shipped (one call per parcel when it ships from several
    /// locations); allocations already recorded (a re-run of the step) are not added twice.
    /// </summary>
    public async Task RecordShippedAsync(string orderId, IReadOnlyList<Allocation> shipped, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await StorageCall.RetryOnConflictAsync(async () =>
        {
            var stored = await StorageCall.TryGetAsync(async () => (await Table.GetEntityAsync<TableEntity>(OrderPartition, orderId, cancellationToken: cancellationToken)).Value);
            var all = OrderJson.Deserialize<List<Allocation>>(stored?.GetString("Shipped")) ?? [];
            all.AddRange(shipped.Where(a => !all.Contains(a)));
            var patch = new TableEntity(OrderPartition, orderId) { ["Shipped"] = OrderJson.Serialize(all) };
            await StorageCall.RunAsync(() => stored is null
                ? Table.UpsertEntityAsync(patch, TableUpdateMode.Merge, cancellationToken)
                : Table.UpdateEntityAsync(patch, stored.ETag, TableUpdateMode.Merge, cancellationToken));
            return true;
        });
    }

    /// <summary>The channel's answer to a report sent under this key, or null when none was recorded.</summary>
    public async Task<ChannelReportRecord?> GetReportAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var entity = await StorageCall.TryGetAsync(async () => (await Table.GetEntityAsync<TableEntity>(ReportPartition, TableKeys.Escape(idempotencyKey), cancellationToken: cancellationToken)).Value);
        return entity is null ? null : new ChannelReportRecord(idempotencyKey, entity.GetString("ChannelShipmentId"), entity.GetDateTimeOffset("ReportedAt") ?? default);
    }

    /// <summary>Records a report the channel accepted; a second record under the same key (409) keeps the first.</summary>
    public async Task RecordReportAsync(ChannelReportRecord report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(ReportPartition, TableKeys.Escape(report.IdempotencyKey))
        {
            ["ChannelShipmentId"] = report.ChannelId,
            ["ReportedAt"] = report.ReportedAt,
        };
        await StorageCall.TryCreateAsync(() => Table.AddEntityAsync(entity, cancellationToken));
    }

    /// <summary>Creates the table once; the caller's token stops its wait, not the shared attempt.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _created.EnsureAsync().WaitAsync(cancellationToken);

    private static StoredOrder ToStored(TableEntity e) => new(
        e.RowKey,
        OrderJson.Deserialize<CanonicalOrder>(e.GetString("Order"))!,
        e.GetDateTimeOffset("ReceivedAt") ?? default,
        e.GetDateTimeOffset("UpdatedAt"),
        e.GetInt32("Versions") ?? 1,
        OrderJson.Deserialize<List<string>>(e.GetString("Flags")) ?? [],
        OrderJson.Deserialize<List<FulfilmentRecord>>(e.GetString("Fulfilment")) ?? [],
        OrderJson.Deserialize<List<Allocation>>(e.GetString("Shipped")) ?? [],
        OrderJson.Deserialize<List<ReturnRecord>>(e.GetString(OrderReturnStore.ReturnsColumn)) ?? []);
}

/// <summary>Who may start an order's flow (<see cref="OrderStore.ClaimFlowAsync"/>).</summary>
public enum FlowClaim
{
    /// <summary>This message claimed the start just now: start the flow.</summary>
    Claimed,

    /// <summary>This message claimed it before (a redelivery): start the flow unless it exists.</summary>
    ClaimedBefore,

    /// <summary>Another message of the order claimed it: this one is an update of an order seen before.</summary>
    SeenBefore,
}

/// <summary>An order as stored: the latest canonical order and what operations need next to it.</summary>
public sealed record StoredOrder(
    string OrderId,
    CanonicalOrder Order,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? UpdatedAt,
    int Versions,
    IReadOnlyList<string> Flags,
    IReadOnlyList<FulfilmentRecord> Fulfilment,
    IReadOnlyList<Allocation> Shipped,
    IReadOnlyList<ReturnRecord> Returns);

/// <summary>How an order was handed over: a signed webhook to the location, or a pick list for a store; with the buyer's note, delivery instructions and gift message.</summary>
public sealed record FulfilmentRecord(string Location, string Mode, DateTimeOffset RequestedAt, IReadOnlyList<PickItem> Items, OrderNotes? Notes = null);

/// <summary>One line of a pick list.</summary>
public sealed record PickItem(string ChannelLineId, string Sku, int Quantity);
