using System.Globalization;
using Azure.Data.Tables;
using Omnichannel.Storage.Errors;
using Omnichannel.Storage.Tables;

namespace Omnichannel.Orders.Storage;

/// <summary>An operations command accepted for an order (or a return flow), and who sent it.</summary>
/// <param name="At">When it was accepted.</param>
/// <param name="Action">replay, cancel, map-sku, shipment, ready-for-pickup, picked-up, raise-event, ...</param>
/// <param name="By">Who (<see cref="Hosting.Http.Operator"/>).</param>
/// <param name="Detail">What was asked (reason, SKU, tracking number, event name).</param>
public sealed record OrderAction(DateTimeOffset At, string Action, string By, string? Detail);

/// <summary>
/// The commands operations sent for an order, in the orders table (PartitionKey <c>action_{instance id}</c>,
/// RowKey the time and a random suffix, so two commands at once are two rows): the order's timeline shows them
/// beside the flow's history, with who sent them.
/// </summary>
public sealed class OrderActionStore(OrderStore store)
{
    public async Task RecordAsync(string instanceId, OrderAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        await store.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(Partition(instanceId), $"{action.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}")
        {
            ["At"] = action.At,
            ["Action"] = action.Action,
            ["By"] = action.By,
            ["Detail"] = action.Detail is { Length: > 500 } d ? d[..500] : action.Detail,
        };
        await StorageCall.RunAsync(() => store.Table.AddEntityAsync(entity, cancellationToken));
    }

    /// <summary>Oldest first.</summary>
    public async Task<IReadOnlyList<OrderAction>> ListAsync(string instanceId, CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var filter = TableFilter.Partition(Partition(instanceId));
        var actions = new List<OrderAction>();
        await foreach (var row in store.Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            actions.Add(new OrderAction(row.GetDateTimeOffset("At") ?? default, row.GetString("Action"), row.GetString("By"), row.GetString("Detail")));
        }

        return actions;
    }

    private static string Partition(string instanceId) => "action_" + TableKeys.Escape(instanceId);
}
