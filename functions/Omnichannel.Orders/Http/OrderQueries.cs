using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Omnichannel.Events.History;
using Omnichannel.Hosting.Http;
using Omnichannel.Hosting.Validation;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Returns;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary><c>GET /api/orders</c> and <c>GET /api/orders/{id}</c>.</summary>
internal static class OrderQueries
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// Orders as the engine lists them; filters: status, channel, created from/to (ISO 8601). The channel is the
    /// order id's first part (<see cref="OrderId"/>), so it filters by instance id prefix; the engine's query has
    /// no tag filter, so other flows (returns, <c>{order id}_return_...</c>) are left out by name, and a page may
    /// hold fewer than <paramref name="pageSize"/> orders while its continuation token still leads on. The store
    /// (the id's second part) narrows the prefix when the channel is given, and filters the page otherwise.
    /// </summary>
    public static async Task<Results<Ok<OrderPage>, ProblemHttpResult>> ListAsync(
        DurableTaskClient client,
        string? status,
        string? channel,
        string? store,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int pageSize,
        string? continuationToken,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        OrderStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("status", $"'status' must be one of: {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
            }
        }

        errors.Range("pageSize", pageSize, 1, MaxPageSize);
        if (from is { } f && to is { } t && f > t)
        {
            errors.Add("from", "'from' must not be after 'to'.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var storeId = string.IsNullOrWhiteSpace(store) ? null : store.Trim().ToLowerInvariant();
        var prefix = string.IsNullOrWhiteSpace(channel) ? null
            : OrderId.Encode(channel.Trim().ToLowerInvariant()) + "_" + (storeId is null ? string.Empty : OrderId.Encode(storeId) + "_");
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = prefix,
            CreatedFrom = from,
            CreatedTo = to,
            PageSize = pageSize,
            ContinuationToken = continuationToken,
            FetchInputsAndOutputs = true,
            Statuses = wanted switch
            {
                OrderStatus.Failed => [OrchestrationRuntimeStatus.Failed],
                OrderStatus.Terminated => [OrchestrationRuntimeStatus.Terminated],
                OrderStatus.Pending => [OrchestrationRuntimeStatus.Pending],
                _ => null,
            },
        };
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(continuationToken, pageSize).WithCancellation(cancellationToken))
        {
            var orders = page.Values.Where(i => i.Name == OrderFlow.Name).Select(OrderSummary.From).Where(o => wanted is null || o.Status == wanted)
                .Where(o => storeId is null || string.Equals(o.Store, storeId, StringComparison.OrdinalIgnoreCase)).ToList();
            return TypedResults.Ok(new OrderPage(orders, page.ContinuationToken));
        }

        return TypedResults.Ok(new OrderPage([], null));
    }

    /// <summary>One order with its timeline; 404 when neither the flow nor the stored order exists.</summary>
    public static async Task<Results<Ok<OrderDetail>, ProblemHttpResult>> GetAsync(string id, DurableTaskClient client, OrderStore store, OrderActionStore actions, EventJournalStore journal, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        var stored = await store.GetAsync(id, cancellationToken);
        if (instance is null && stored is null)
        {
            return Problems.NotFound("order", id);
        }

        var summary = instance is null
            ? new OrderSummary(id, stored!.Order.Channel, stored.Order.Store, stored.Order.ChannelOrderId, OrderStatus.Pending, null, null, stored.Flags, stored.ReceivedAt, stored.UpdatedAt ?? stored.ReceivedAt)
            : OrderSummary.From(instance);
        if (stored is not null)
        {
            summary = summary with { Flags = summary.Flags.Union(stored.Flags, StringComparer.Ordinal).ToList() };
        }

        IReadOnlyList<TimelineEntry> timeline = [];
        IReadOnlyList<OrderReturnView> returns = [];
        var facts = OrderFacts.None;
        try
        {
            var (history, read) = await OrderHistory.ReadAsync(client, instance, stored, logger, cancellationToken);
            var commands = await actions.ListAsync(id, cancellationToken);
            facts = read with { Parcels = await OrderParcel.ListAsync(journal, id, summary.CreatedAt.AddDays(-1), time.GetUtcNow(), cancellationToken) };
            timeline = history.Concat(commands.Select(a => new TimelineEntry(a.At, "action", a.Action, null, a.Detail, a.By))).OrderBy(e => e.At).ToList();
            returns = await OrderReturnView.ListAsync(client, id, stored?.Returns ?? [], logger, cancellationToken);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            // An odd instance (a history or return flow this code cannot read) shows what is known, never a 500.
            summary = summary with { Problem = string.Join("; ", new[] { summary.Problem, $"the timeline could not be read ({e.GetType().Name})" }.Where(p => p is not null)) };
        }

        return TypedResults.Ok(new OrderDetail(summary, stored?.Order, stored?.Versions ?? 0, stored?.Flags ?? [], stored?.Fulfilment ?? [], timeline, returns, facts));
    }

    /// <summary>A 400 naming <paramref name="field"/> and the order id rule when <paramref name="id"/> breaks it (before any storage call), else null.</summary>
    internal static ProblemHttpResult? BadOrderId(string field, string id) =>
        Model.OrderId.IsValid(id) ? null : Problems.Invalid(field, Model.OrderId.Rule(field));
}
