using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Model;
using Omnichannel.Events.Model;
using Omnichannel.Orders.Activities;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Http;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Flow;

/// <summary>
/// One order, start to end: receive and match, reserve (or record a channel-fulfilled sale), request fulfilment,
/// wait for the shipment (click-and-collect: ready for pickup, then picked up), ship in the ledger, report it.
/// Waits are durable events with timers that alert; a cancellation raised at any point before shipping releases
/// what is held. Instance id: the order id (<see cref="OrderId"/>), one instance per order.
/// </summary>
/// <remarks>
/// <para>
/// Shaped for the Durable Task Framework's Azure Storage provider, where every activity costs a checkpoint
/// (about 9 storage requests): a shipped order runs 5 activities (receive and match in one, reserve, request
/// fulfilment, ship, report); waits, alerts and retries add only where they happen. Each activity is
/// idempotent by business keys (<see cref="FlowKeys"/>), so retries, a rewind, or a replay that starts the
/// flow again from its input never repeat an effect.
/// </para>
/// <para>
/// Versioning: a flow in flight (an order waiting days for its shipment) is replayed from its history by
/// whatever code is deployed when its next event comes. So a change to this orchestrator (or the steps it
/// calls) must stay replay-compatible: the same activities, timers and waits in the same order for the same
/// history. A change that is not (a new step before a wait, a reordered call) ships under a new orchestrator
/// name (e.g. <c>OrderFlowV2</c>, started by intake for new orders while <c>OrderFlow</c> stays deployed until
/// its last instance ends) or behind a check of <c>context.Version</c>/a flag in the input that old instances
/// lack. Activities may change freely inside as long as their input and output stay readable.
/// </para>
/// </remarks>
public sealed class OrderFlow(IOptions<OrdersOptions> options)
{
    public const string Name = nameof(OrderFlow);

    internal static readonly TaskOptions Steps = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    [Function(Name)]
    public async Task<OrderFlowResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<OrderFlowInput>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no input.");
        var logger = context.CreateReplaySafeLogger<OrderFlow>();
        try
        {
            var result = await RunFlowAsync(context, input);
            Log.FlowEnded(logger, input.OrderId, result.Status.ToString(), result.Detail ?? string.Empty);
            return result;
        }
        catch (TaskFailedException e)
        {
            // Retries ended (each step's RetryPolicy is bounded): the flow fails with the reason, which the status
            // also carries, because the Azure Storage provider can return the state without its failure details.
            var reason = OrderSummary.Describe(e.FailureDetails);
            context.SetCustomStatus(new OrderProgress(OrderStatus.Failed, $"{e.TaskName} failed: {reason}"));
            await RecordFailedAsync(context, input, e.TaskName, reason);
            Log.FlowFailed(logger, input.OrderId, e.TaskName, reason);
            throw;
        }
    }

    private async Task<OrderFlowResult> RunFlowAsync(TaskOrchestrationContext context, OrderFlowInput input)
    {
        var o = options.Value;
        var waits = new FlowWaits(context, context.WaitForExternalEvent<CancelRequest>(OrderEvents.Cancelled));
        context.SetCustomStatus(new OrderProgress(OrderStatus.Received));
        var received = await context.CallActivityAsync<MatchedOrder>(ReceiveOrder.Name, input, Steps);
        var order = received.Order;
        if (order.Status == ChannelOrderStatus.Cancelled)
        {
            return await CancelAsync(context, input, [], new CancelRequest(true, "cancelled on the channel before the flow ran"));
        }

        var preparation = new PreparationSteps(context, waits, input, o);
        IReadOnlyList<Allocation> held;
        while (true)
        {
            if (await preparation.MatchAsync(received) is not { } matched)
            {
                return await CancelAsync(context, input, [], await waits.Cancel);
            }

            (order, var match) = matched;
            var stock = new StockInput(input.OrderId, order.Channel, order.Fulfilment, match.Matched);
            if (order.Fulfilment.Kind is FulfilmentKind.FulfilledByChannel or FulfilmentKind.InStore)
            {
                var sold = await context.CallActivityAsync<IReadOnlyList<Allocation>>(RecordChannelSale.Name, stock, Steps);
                return Finish(context, OrderStatus.Completed, $"Sale recorded at {sold.FirstOrDefault()?.Location}; the channel fulfils it.");
            }

            var (woken, reserved) = await preparation.ReserveAsync(stock);
            if (woken == Woken.Cancelled)
            {
                return await CancelAsync(context, input, [], await waits.Cancel);
            }

            if (woken == Woken.Event)
            {
                held = reserved;
                break;
            }

            // Updated while backordered: match and reserve the latest version.
            received = await preparation.LatestAsync();
        }

        if (waits.Cancel.IsCompleted)
        {
            return await CancelAsync(context, input, held, await waits.Cancel);
        }

        await context.CallActivityAsync<IReadOnlyList<FulfilmentRecord>>(RequestFulfilment.Name, new FulfilmentInput(input.OrderId, order, held), Steps);
        var where = string.Join(", ", held.Select(a => a.Location).Distinct(StringComparer.Ordinal));
        var reporting = TaskOptions.FromRetryPolicy(new RetryPolicy(o.ReportAttempts, o.ReportRetryInterval, backoffCoefficient: 2));
        var shipping = new ShippingSteps(context, waits, input, o, reporting, order);
        if (order.Fulfilment.Kind == FulfilmentKind.PickupInStore)
        {
            var pickup = await new PickupSteps(context, waits, input, o, reporting).CollectAsync(held, where);
            if (pickup is null)
            {
                return await CancelAsync(context, input, held, await waits.Cancel);
            }

            var what = $"Picked up at {where}";
            await shipping.ShipParcelAsync(held, pickup, what);
            return await FinishShippedAsync(context, input, waits, [], $"{what}; reported to {order.Channel}");
        }

        var shipped = await shipping.ShipAsync(held);
        if (shipped.Parcels.Count == 0)
        {
            return await CancelAsync(context, input, held, await waits.Cancel);
        }

        var tracking = string.Join(", ", shipped.Parcels.Select(p => p.TrackingNumber));
        return await FinishShippedAsync(context, input, waits, shipped.Pending, $"Tracking {tracking} reported to {order.Channel}");
    }

    /// <summary>
    /// The end once something left: completed, or, when a cancellation came, what had not shipped is released and
    /// the order is flagged (too late for what left: operations decide, return or refund).
    /// </summary>
    private static async Task<OrderFlowResult> FinishShippedAsync(TaskOrchestrationContext context, OrderFlowInput input, FlowWaits waits, IReadOnlyList<Allocation> unshipped, string detail)
    {
        if (unshipped.Count == 0 && !waits.Cancel.IsCompleted)
        {
            return Finish(context, OrderStatus.Completed, detail);
        }

        if (unshipped.Count > 0)
        {
            await context.CallActivityAsync<int>(ReleaseStock.Name, new AllocationInput(input.OrderId, input.Channel, unshipped, CancelReason: "cancelled after shipping"), Steps);
        }

        await context.CallActivityAsync<bool>(FlagOrder.Name, new OrderNotice(input.OrderId, OrderFlags.CancelledAfterFlow, "cancelled after shipping"), Steps);
        return Finish(context, OrderStatus.Completed, $"{detail}; cancelled after shipping", [OrderFlags.CancelledAfterFlow]);
    }

    /// <summary>
    /// Releases what is held and acknowledges a channel's cancellation; the activity that does so records the
    /// <c>cancelled</c> event (the same id from either), and only when neither runs does a step of its own record it.
    /// </summary>
    private static async Task<OrderFlowResult> CancelAsync(TaskOrchestrationContext context, OrderFlowInput input, IReadOnlyList<Allocation> held, CancelRequest request)
    {
        var reason = request.Reason ?? (request.FromChannel ? "cancelled on the channel" : "cancelled by operations");
        if (held.Count > 0)
        {
            await context.CallActivityAsync<int>(ReleaseStock.Name, new AllocationInput(input.OrderId, input.Channel, held, CancelReason: reason), Steps);
        }

        if (request.FromChannel)
        {
            await context.CallActivityAsync<bool>(AcknowledgeCancellation.Name, new CancellationInput(input.OrderId, input.Channel, input.Store, input.ChannelOrderId, reason), Steps);
        }

        if (held.Count == 0 && !request.FromChannel)
        {
            await context.CallActivityAsync<bool>(RecordOrderEvent.Name, new OrderEventInput(input.OrderId, EventTypes.OrderCancelled, nameof(CancelAsync), reason), Steps);
        }

        return Finish(context, OrderStatus.Cancelled, reason);
    }

    /// <summary>Records the <c>failed</c> event; a failure to record it must not hide the flow's own failure.</summary>
    private static async Task RecordFailedAsync(TaskOrchestrationContext context, OrderFlowInput input, string step, string reason)
    {
        try
        {
            await context.CallActivityAsync<bool>(RecordOrderEvent.Name, new OrderEventInput(input.OrderId, EventTypes.OrderFailed, step, reason), Steps);
        }
        catch (TaskFailedException)
        {
        }
    }

    /// <summary>Raises an alert keyed by the order, its kind and the flow's (replay-safe) time of it.</summary>
    internal static Task AlertAsync(TaskOrchestrationContext context, OrderFlowInput input, string kind, string detail) =>
        context.CallActivityAsync<bool>(RaiseOrderAlert.Name, new OrderNotice(input.OrderId, kind, detail, $"{input.OrderId}:{kind}:{context.CurrentUtcDateTime:O}"), Steps);

    private static OrderFlowResult Finish(TaskOrchestrationContext context, OrderStatus status, string detail, IReadOnlyList<string>? flags = null)
    {
        context.SetCustomStatus(new OrderProgress(status, detail, flags));
        return new OrderFlowResult(status, detail);
    }
}
