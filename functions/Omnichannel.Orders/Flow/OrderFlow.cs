using Microsoft.Extensions.Options;
using Omnichannel.Channels.Model;
using Omnichannel.Durable.Orchestration;
using Omnichannel.Orders.Activities;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Flow;

/// <summary>
/// One order, start to end: receive, match, reserve (or record a channel-fulfilled sale), request fulfilment,
/// wait for the shipment (click-and-collect: ready for pickup, then picked up), ship in the ledger, report it. Waits are durable events with timers that
/// alert; a cancellation raised at any point before shipping releases what is held.
/// </summary>
public sealed class OrderFlow(IOptions<OrdersOptions> options) : TaskOrchestrator<OrderFlowInput, OrderFlowResult>
{
    public const string Name = nameof(OrderFlow);

    internal static readonly TaskOptions Steps = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1)) { BackoffCoefficient = 2 });

    public override async Task<OrderFlowResult> RunAsync(TaskOrchestrationContext context, OrderFlowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var o = options.Value;
        var waits = new FlowWaits(context, context.WaitForExternalEvent<CancelRequest>(OrderEvents.Cancelled));
        context.SetCustomStatus(new OrderProgress(OrderStatus.Received));
        var order = await context.CallActivityAsync<CanonicalOrder>(ReceiveOrder.Name, input, Steps);
        if (order.Status == ChannelOrderStatus.Cancelled)
        {
            return await CancelAsync(context, input, [], new CancelRequest(true, "cancelled on the channel before the flow ran"));
        }

        var preparation = new PreparationSteps(context, waits, input, o);
        IReadOnlyList<Allocation> held;
        while (true)
        {
            if (await preparation.MatchAsync(order) is not { } matched)
            {
                return await CancelAsync(context, input, [], await waits.Cancel);
            }

            (order, var match) = matched;
            var stock = new StockInput(input.OrderId, order.Channel, order.Fulfilment, match.Matched);
            if (order.Fulfilment.Kind is FulfilmentKind.FulfilledByChannel or FulfilmentKind.InStore)
            {
                var sold = await context.CallActivityAsync<List<Allocation>>(RecordChannelSale.Name, stock, Steps);
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
            order = await preparation.LatestAsync();
        }

        if (waits.Cancel.IsCompleted)
        {
            return await CancelAsync(context, input, held, await waits.Cancel);
        }

        await context.CallActivityAsync<List<FulfilmentRecord>>(RequestFulfilment.Name, new FulfilmentInput(input.OrderId, order, held), Steps);
        var where = string.Join(", ", held.Select(a => a.Location).Distinct(StringComparer.Ordinal));
        var reporting = TaskOptions.FromRetryPolicy(new RetryPolicy(o.ReportAttempts, o.ReportRetryInterval) { BackoffCoefficient = 2 });
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
            await context.CallActivityAsync<int>(ReleaseStock.Name, new AllocationInput(input.OrderId, input.Channel, unshipped), Steps);
        }

        await context.CallActivityAsync<bool>(FlagOrder.Name, new OrderNotice(input.OrderId, OrderFlags.CancelledAfterFlow, "cancelled after shipping"), Steps);
        return Finish(context, OrderStatus.Completed, $"{detail}; cancelled after shipping", [OrderFlags.CancelledAfterFlow]);
    }

    private static async Task<OrderFlowResult> CancelAsync(TaskOrchestrationContext context, OrderFlowInput input, IReadOnlyList<Allocation> held, CancelRequest request)
    {
        if (held.Count > 0)
        {
            await context.CallActivityAsync<int>(ReleaseStock.Name, new AllocationInput(input.OrderId, input.Channel, held), Steps);
        }

        if (request.FromChannel)
        {
            await context.CallActivityAsync<bool>(AcknowledgeCancellation.Name, new CancellationInput(input.OrderId, input.Channel, input.Store, input.ChannelOrderId), Steps);
        }

        return Finish(context, OrderStatus.Cancelled, request.Reason ?? (request.FromChannel ? "cancelled on the channel" : "cancelled by operations"));
    }

    internal static Task AlertAsync(TaskOrchestrationContext context, OrderFlowInput input, string kind, string detail) =>
        context.CallActivityAsync<bool>(RaiseOrderAlert.Name, new OrderNotice(input.OrderId, kind, detail), Steps);

    private static OrderFlowResult Finish(TaskOrchestrationContext context, OrderStatus status, string detail, IReadOnlyList<string>? flags = null)
    {
        context.SetCustomStatus(new OrderProgress(status, detail, flags));
        return new OrderFlowResult(status, detail);
    }
}
