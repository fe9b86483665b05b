using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Durable.Client;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Storage;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Returns;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary><c>GET /api/orders</c> and <c>GET /api/orders/{id}</c>.</summary>
internal static class OrderQueries
{
    public const int MaxPageSize = 500;

    /// <summary>Orders newest flows first as the runtime lists them; filters: status, channel, created from/to (ISO 8601).</summary>
    public static async Task<Results<Ok<OrderPage>, ValidationProblem>> ListAsync(
        DurableClient client,
        CancellationToken cancellationToken,
        string? status = null,
        string? channel = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        int pageSize = 100,
        string? continuationToken = null)
    {
        OrderStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Invalid("status", $"'status' must be one of: {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
            }

            wanted = parsed;
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return Invalid("pageSize", $"'pageSize' must be between 1 and {MaxPageSize}.");
        }

        if (from is { } f && to is { } t && f > t)
        {
            return Invalid("from", "'from' must not be after 'to'.");
        }

        var tags = new Dictionary<string, string> { ["flow"] = OrderFlow.Name };
        if (!string.IsNullOrWhiteSpace(channel))
        {
            tags["channel"] = channel.Trim().ToLowerInvariant();
        }

        var query = new InstanceQuery
        {
            Tags = tags,
            CreatedFrom = from,
            CreatedTo = to,
            PageSize = pageSize,
            ContinuationToken = continuationToken,
            Statuses = wanted switch
            {
                OrderStatus.Failed => [OrchestrationRuntimeStatus.Failed],
                OrderStatus.Terminated => [OrchestrationRuntimeStatus.Terminated],
                OrderStatus.Pending => [OrchestrationRuntimeStatus.Pending],
                _ => null,
            },
        };
        var page = await client.QueryInstancesAsync(query, cancellationToken);
        var orders = page.Instances.Select(OrderSummary.From).Where(o => wanted is null || o.Status == wanted).ToList();
        return TypedResults.Ok(new OrderPage(orders, page.ContinuationToken));
    }

    /// <summary>One order with its timeline; 404 when neither the flow nor the stored order exists.</summary>
    public static async Task<Results<Ok<OrderDetail>, NotFound>> GetAsync(string id, DurableClient client, OrderStore store, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        var stored = await store.GetAsync(id, cancellationToken);
        if (instance is null && stored is null)
        {
            return TypedResults.NotFound();
        }

        var history = instance is null ? [] : await client.GetHistoryAsync(id, cancellationToken);
        var summary = instance is null
            ? new OrderSummary(id, stored!.Order.Channel, stored.Order.Store, stored.Order.ChannelOrderId, OrderStatus.Pending, null, null, stored.Flags, stored.ReceivedAt, stored.UpdatedAt ?? stored.ReceivedAt)
            : OrderSummary.From(instance);
        if (stored is not null)
        {
            summary = summary with { Flags = summary.Flags.Union(stored.Flags, StringComparer.Ordinal).ToList() };
        }

        var returns = await OrderReturnView.ListAsync(client, id, stored?.Returns ?? [], cancellationToken);
        return TypedResults.Ok(new OrderDetail(summary, stored?.Order, stored?.Versions ?? 0, stored?.Flags ?? [], stored?.Fulfilment ?? [], TimelineEntry.From(history), returns));
    }

    internal static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
