using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Events.History;
using Omnichannel.Events.Model;
using Omnichannel.Hosting.Http;
using Omnichannel.Hosting.Validation;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Http;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Storage;

namespace Omnichannel.OperationsConsole.Operations;

/// <summary>
/// The read routes the console needs that no feature had (function key, like every data route):
/// <c>GET /api/ops/orders-by-day</c>, <c>GET /api/ops/poison-queues</c>, <c>GET /api/ops/alerts</c>.
/// </summary>
public sealed class OpsFunctions(PoisonQueueStore poisonQueues, OrderAlertStore orderAlerts, EventJournalStore journal, IOptions<OrdersOptions> orders, TimeProvider time, ILogger<OpsFunctions> logger)
{
    /// <summary>At most this many flows are counted per call; a busier window is answered <c>truncated</c>.</summary>
    public const int MaxCounted = 20_000;

    /// <summary>
    /// <c>GET /api/ops/orders-by-day?days=14</c> (1-31, UTC days ending today): counted on the server from the
    /// engine's instance query, one page of up to 500 instances per round trip, instead of by the browser.
    /// </summary>
    [Function("OpsOrderCountsGet")]
    public async Task<Results<Ok<OrderCounts>, ProblemHttpResult>> OrdersByDayAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ops/orders-by-day")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!HttpQuery.TryInt(request, "days", out var days, out var problem))
        {
            return problem!;
        }

        if (days is < 1 or > 31)
        {
            return Problems.Invalid("days", "'days' must be between 1 and 31.");
        }

        var now = time.GetUtcNow();
        var first = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1 - (days ?? 14));
        var from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var lateBefore = now - orders.Value.ShipmentSla;
        var byDay = new SortedDictionary<DateOnly, Dictionary<OrderStatus, int>>();
        for (var d = first; d <= DateOnly.FromDateTime(now.UtcDateTime); d = d.AddDays(1))
        {
            byDay[d] = [];
        }

        var totals = new Dictionary<OrderStatus, int>();
        var (late, counted, truncated) = (0, 0, false);
        var query = new OrchestrationQuery { CreatedFrom = from, PageSize = 500, FetchInputsAndOutputs = true };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (++counted > MaxCounted)
            {
                truncated = true;
                Log.CountsTruncated(logger, MaxCounted);
                break;
            }

            if (instance.Name != OrderFlow.Name)
            {
                continue;
            }

            var order = OrderSummary.From(instance);
            var day = byDay.GetValueOrDefault(DateOnly.FromDateTime(order.CreatedAt.UtcDateTime));
            if (day is not null)
            {
                day[order.Status] = day.GetValueOrDefault(order.Status) + 1;
            }

            totals[order.Status] = totals.GetValueOrDefault(order.Status) + 1;
            late += order.Status == OrderStatus.AwaitingShipment && order.CreatedAt < lateBefore ? 1 : 0;
        }

        var list = byDay.Select(d => new DayCounts(d.Key, d.Value)).ToList();
        return TypedResults.Ok(new OrderCounts(from, now, list, totals, late, lateBefore, truncated));
    }

    /// <summary><c>GET /api/ops/poison-queues</c>: every queue of the account named <c>*-poison</c> and about how many messages it holds.</summary>
    [Function("OpsPoisonQueuesList")]
    public async Task<Ok<IReadOnlyList<PoisonQueue>>> PoisonQueuesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ops/poison-queues")] HttpRequest request, CancellationToken cancellationToken)
    {
        var found = await poisonQueues.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PoisonQueue>>(found.OrderByDescending(q => q.ApproximateMessages).ThenBy(q => q.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// <c>GET /api/ops/alerts?take=100&amp;days=7</c>: low-stock and recount alerts (the ledger's events, as delivered)
    /// and the order flow's alerts (SLA: shipment late, pickup late, not collected; needs attention, backordered),
    /// newest first.
    /// </summary>
    [Function("OpsAlertsList")]
    public async Task<Results<Ok<IReadOnlyList<OpsAlert>>, ProblemHttpResult>> AlertsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ops/alerts")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpQuery.TryInt(request, "take", out var take, out var problem) || !HttpQuery.TryInt(request, "days", out var days, out problem))
        {
            return problem!;
        }

        var errors = new FieldErrors();
        errors.Range("take", take, 1, 500);
        errors.Range("days", days, 1, 31);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var from = now.AddDays(-(days ?? 7));
        var wanted = take ?? 100;
        var stock = await Task.WhenAll(
            journal.QueryAsync(null, EventTypes.StockLow, from, now, cancellationToken),
            journal.QueryAsync(null, EventTypes.StockRecount, from, now, cancellationToken));
        var alerts = stock.SelectMany(e => e).Select(ToAlert)
            .Concat((await orderAlerts.ListAsync(wanted, cancellationToken)).Where(a => a.At >= from).Select(a => new OpsAlert(a.At, a.Kind, a.OrderId, a.Detail, "order")))
            .OrderByDescending(a => a.At)
            .Take(wanted)
            .ToList();
        return TypedResults.Ok<IReadOnlyList<OpsAlert>>(alerts);
    }

    private static OpsAlert ToAlert(SentEvent e)
    {
        var data = e.Data;
        string? Text(string name) => data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) ? v.ToString() : null;
        var detail = e.Type == EventTypes.StockLow
            ? string.Create(CultureInfo.InvariantCulture, $"available {Text("available")}, reorder point {Text("reorderPoint")}")
            : string.Create(CultureInfo.InvariantCulture, $"on hand {Text("onHand")} at {Text("location")}: count it");
        return new OpsAlert(e.Time, e.Type == EventTypes.StockLow ? "lowStock" : "recount", e.Subject, detail, "stock");
    }
}
