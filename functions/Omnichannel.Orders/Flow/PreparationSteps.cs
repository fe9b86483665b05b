using Microsoft.DurableTask;
using Omnichannel.Channels.Model;
using Omnichannel.Orders.Activities;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Model;

namespace Omnichannel.Orders.Flow;

/// <summary>
/// The flow before anything is held: match every line (waiting for mappings), then reserve (waiting for
/// stock). While it waits, an <see cref="OrderEvents.Updated"/> (the channel changed the order) re-reads the
/// stored order, so what is matched and reserved is the latest version. Reading the order and matching its
/// lines is one activity (<see cref="ReceiveOrder"/>, <see cref="ReadStoredOrder"/>); only a re-match after a
/// mapping runs <see cref="MatchOrderLines"/> alone.
/// </summary>
internal sealed class PreparationSteps(TaskOrchestrationContext context, FlowWaits waits, OrderFlowInput input, OrdersOptions options)
{
    private bool _alerted;
    private int _reservations;

    /// <summary>The latest order and its lines matched; null when the order was cancelled while waiting.</summary>
    public async Task<(CanonicalOrder Order, MatchResult Match)?> MatchAsync(MatchedOrder received)
    {
        ArgumentNullException.ThrowIfNull(received);
        var (order, match) = received;
        while (true)
        {
            // A line of no units (or fewer) is not an order the flow can reserve or ship: hold it with the reason
            // until the channel sends a corrected order (OrderUpdated) or it is cancelled; never wait on nothing.
            while (order.Lines.Where(l => l.Quantity <= 0).Select(l => l.ChannelLineId).ToList() is { Count: > 0 } empty)
            {
                var why = $"Line(s) {string.Join(", ", empty)} have quantity 0 or less; waiting for a corrected order from the channel, or cancel it";
                context.SetCustomStatus(new OrderProgress(OrderStatus.NeedsAttention, why));
                var (fixedOrNot, _) = await waits.WaitAsync<object>(
                    OrderEvents.Updated, options.SkuMappingReminder, () => OrderFlow.AlertAsync(context, input, "needsAttention", why));
                if (fixedOrNot == Woken.Cancelled)
                {
                    return null;
                }

                (order, match) = await LatestAsync();
            }

            if (match.Unmatched.Count == 0)
            {
                break;
            }

            var detail = "No catalogue SKU for line(s) " + string.Join(", ", match.Unmatched.Select(u => $"{u.ChannelLineId} ({u.ChannelSku ?? u.ChannelItemId ?? u.Title})"));
            context.SetCustomStatus(new OrderProgress(OrderStatus.NeedsAttention, detail));
            var (woken, _) = await waits.WaitAsync<object>(
                OrderEvents.SkuMapped, options.SkuMappingReminder, () => OrderFlow.AlertAsync(context, input, "needsAttention", detail), OrderEvents.Updated);
            if (woken == Woken.Cancelled)
            {
                return null;
            }

            if (woken == Woken.Other)
            {
                (order, match) = await LatestAsync();
            }
            else
            {
                match = await context.CallActivityAsync<MatchResult>(MatchOrderLines.Name, order, OrderFlow.Steps);
            }
        }

        return (order, match);
    }

    /// <summary>
    /// Reserves every line, backordered until stock comes (indexed by SKU so a stock change wakes it; one alert
    /// per order). <see cref="Woken.Event"/> with what is held; <see cref="Woken.Other"/> when the order was
    /// updated (nothing held: match again); <see cref="Woken.Cancelled"/>.
    /// </summary>
    public async Task<(Woken Woken, IReadOnlyList<Allocation> Held)> ReserveAsync(StockInput stock)
    {
        var skus = stock.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToList();
        var indexed = false;
        var reservation = await ReserveOnceAsync(stock);
        while (!reservation.Reserved)
        {
            var detail = "Not enough stock: " + string.Join("; ", reservation.Missing);
            context.SetCustomStatus(new OrderProgress(OrderStatus.Backordered, detail));
            if (!indexed)
            {
                await context.CallActivityAsync<bool>(IndexBackorder.Name, new BackorderInput(input.OrderId, skus, true), OrderFlow.Steps);
                indexed = true;
            }

            if (!_alerted)
            {
                await OrderFlow.AlertAsync(context, input, "backordered", detail);
                _alerted = true;
            }

            // The timer is the safety net of the stock-changed wake-up (a change just before the index row, a lost message).
            var (woken, _) = await waits.WaitAsync<object>(OrderEvents.StockAvailable, options.StockRecheckInterval, null, OrderEvents.Updated);
            if (woken != Woken.Event)
            {
                await context.CallActivityAsync<bool>(IndexBackorder.Name, new BackorderInput(input.OrderId, skus, false), OrderFlow.Steps);
                return (woken, []);
            }

            reservation = await ReserveOnceAsync(stock);
        }

        if (indexed)
        {
            await context.CallActivityAsync<bool>(IndexBackorder.Name, new BackorderInput(input.OrderId, skus, false), OrderFlow.Steps);
        }

        return (Woken.Event, reservation.Allocations);
    }

    /// <summary>The stored order, which intake keeps at the channel's latest version, with its lines matched.</summary>
    public Task<MatchedOrder> LatestAsync() => context.CallActivityAsync<MatchedOrder>(ReadStoredOrder.Name, input.OrderId, OrderFlow.Steps);

    /// <summary>One reservation attempt, numbered in the flow so its ledger keys are the same on every replay.</summary>
    private Task<ReservationResult> ReserveOnceAsync(StockInput stock) =>
        context.CallActivityAsync<ReservationResult>(ReserveStock.Name, stock with { Attempt = _reservations++ }, OrderFlow.Steps);
}
