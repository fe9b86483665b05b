using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Omnichannel.Orders.Http;

namespace Omnichannel.Orders.Returns;

/// <summary>The body of <c>POST /api/orders/{id}/returns</c>.</summary>
/// <param name="ReturnId">The caller's id of this return (letters, digits, '-', '_', '.'; at most 100): the same id again is the same return.</param>
/// <param name="Location">The location id the goods came back to (a store or the warehouse).</param>
/// <param name="Lines">What came back.</param>
/// <param name="Reason">Why, optional (at most 500 characters).</param>
/// <param name="ReturnedAt">When; default now.</param>
public sealed record ReturnRequest(string? ReturnId = null, string? Location = null, IReadOnlyList<ReturnLineRequest>? Lines = null, string? Reason = null, DateTimeOffset? ReturnedAt = null);

/// <summary>A returned line: the channel line id, or a SKU (catalogue or channel seller SKU) of a shipped line.</summary>
/// <param name="LineId">The channel's line id.</param>
/// <param name="Sku">Instead of the line id: the SKU.</param>
/// <param name="Quantity">Units back.</param>
/// <param name="Condition">sellable (back on sale at the location) or damaged (unsellable there).</param>
public sealed record ReturnLineRequest(string? LineId = null, string? Sku = null, int? Quantity = null, string? Condition = null);

/// <summary>What an accepted return answers.</summary>
public sealed record ReturnAccepted(string Id, string ReturnId, string Instance);

/// <summary>A return as <c>GET /api/orders/{id}</c> shows it.</summary>
/// <param name="Return">What was recorded.</param>
/// <param name="Instance">Its <see cref="OrderReturnFlow"/> instance.</param>
/// <param name="Status">pending, restocking, reporting, done, failed.</param>
/// <param name="Detail">What was done (e.g. "1 line(s) restocked at store-1; not reported: ... has no return call") or the failure.</param>
/// <param name="Timeline">The return flow's steps, attempts and errors.</param>
public sealed record OrderReturnView(ReturnRecord Return, string Instance, string Status, string? Detail, IReadOnlyList<TimelineEntry> Timeline)
{
    public static async Task<IReadOnlyList<OrderReturnView>> ListAsync(DurableTaskClient client, string orderId, IReadOnlyList<ReturnRecord> returns, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(returns);
        var views = new List<OrderReturnView>();
        foreach (var r in returns)
        {
            var instanceId = OrderReturnFlow.InstanceId(orderId, r.ReturnId);
            var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            var (status, detail) = instance switch
            {
                null => ("pending", null),
                { RuntimeStatus: OrchestrationRuntimeStatus.Failed } f => ("failed", f.FailureDetails is { } d ? OrderSummary.Describe(d) : f.SerializedOutput),
                { RuntimeStatus: OrchestrationRuntimeStatus.Completed } c => ("done", c.ReadOutputAs<string>()),
                { RuntimeStatus: OrchestrationRuntimeStatus.Terminated } => ("terminated", null),
                _ => instance.ReadCustomStatusAs<ReturnProgress>() is { } p ? (p.Step, p.Detail) : ("pending", (string?)null),
            };
            var timeline = await OrderHistory.TimelineAsync(client, instance, null, logger, cancellationToken);
            views.Add(new OrderReturnView(r, instanceId, status, detail, timeline));
        }

        return views;
    }
}
