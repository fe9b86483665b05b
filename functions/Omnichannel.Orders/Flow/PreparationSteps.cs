using Omnichannel.Channels.Model;
using Omnichannel.Durable.Orchestration;
using Omnichannel.Orders.Activities;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Model;

namespace Omnichannel.Orders.Flow;

/// <summary>
/// The flow before anything is held: match every line (waiting for mappings), then reserve (waiting for
/// stock). While it waits, an <see cref="OrderEvents.Updated"/> (the channel changed the order) re-reads the
/// stored order, so what is matched and reserved is the latest version.
/// </summary>
internal sealed class PreparationSteps(TaskOrchestrationContext context, FlowWaits waits, OrderFlowInput input, OrdersOptions options)
{
    private bool _alerted;

    /// <summary>The latest order and its lines matched; null when the order was cancelled while waiting.</summary>
    public async Task<(CanonicalOrder Order, MatchResult Match)?> MatchAsync(CanonicalOrder order)
    {
        var match = await context.CallActivityAsync<MatchResult>(MatchOrderLines.Name, order, OrderFlow.Steps);
        while (match.Unmatched.Count > 0)
        {
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
                order = await LatestAsync();
            }

            match = await context.CallActivityAsync<MatchResult>(MatchOrderLines.Name, order, OrderFlow.Steps);
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
        var reservation = await context.CallActivityAsync<ReservationResult>(ReserveStock.Name, stock, OrderFlow.Steps);
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

            reservation = await context.CallActivityAsync<ReservationResult>(ReserveStock.Name, stock, OrderFlow.Steps);
        }

        if (indexed)
        {
            await context.CallActivityAsync<bool>(IndexBackorder.Name, new BackorderInput(input.OrderId, skus, false), OrderFlow.Steps);
        }

        return (Woken.Event, reservation.Allocations);
    }

    /// <summary>The stored order, which intake keeps at the channel's latest version.</summary>
    public Task<CanonicalOrder> LatestAsync() => context.CallActivityAsync<CanonicalOrder>(ReadStoredOrder.Name, input.OrderId, OrderFlow.Steps);
}
