using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Omnichannel.Channels.Model;
using Omnichannel.Events.Model;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Events;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>
/// Stores the canonical order (an order seen again updates its row, never a second one) and returns the latest
/// stored version with its lines matched: one step, so a new order costs one activity before reservation. Records
/// <c>received</c>, and <c>needsattention</c> when a line matches no catalogue SKU; flags <c>totalsMismatch</c> when the
/// channel's money does not add up.
/// </summary>
public sealed class ReceiveOrder(ArchivedOrderReader reader, OrderStore store, ListingMatcher matcher, TimeProvider time, OrderEventRecorder events, ILogger<ReceiveOrder> logger)
{
    public const string Name = nameof(ReceiveOrder);

    [Function(Name)]
    public async Task<MatchedOrder> RunAsync([ActivityTrigger] OrderFlowInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var order = await reader.ReadAsync(input.ArchiveBlob, input.Channel, input.Store, input.ChannelOrderId, cancellationToken);
        if (!await store.UpsertAsync(input.OrderId, order, input.MessageId, time.GetUtcNow(), cancellationToken))
        {
            // Stored before (a re-run, or an update that arrived first): the stored version is the latest.
            order = (await store.GetAsync(input.OrderId, cancellationToken))?.Order ?? order;
        }

        if (OrderMoney.CheckTotals(order) is { } mismatch)
        {
            // Flagged, never corrected: the order goes on with the channel's figures; the stored order shows them.
            await store.AddFlagAsync(input.OrderId, OrderFlags.TotalsMismatch, cancellationToken);
            Log.TotalsMismatch(logger, input.OrderId, mismatch);
        }

        var match = await MatchOrderLines.MatchAsync(matcher, order, cancellationToken);
        var data = new OrderEventData(input.OrderId, Name, order.Channel, order.Store, order.ChannelOrderId, $"{order.Lines.Count} line(s)");
        await events.RecordAsync(EventTypes.OrderReceived, data, cancellationToken);
        await NeedsAttentionAsync(events, data, match, cancellationToken);
        return new MatchedOrder(order, match);
    }

    /// <summary>Records <c>needsattention</c> when lines matched nothing (once per step that found it).</summary>
    internal static Task NeedsAttentionAsync(OrderEventRecorder events, OrderEventData order, MatchResult match, CancellationToken cancellationToken)
    {
        if (match.Unmatched.Count == 0)
        {
            return Task.CompletedTask;
        }

        var detail = "No catalogue SKU for line(s) " + string.Join(", ", match.Unmatched.Select(u => u.ChannelLineId));
        return events.RecordAsync(EventTypes.OrderNeedsAttention, order with { Detail = detail }, cancellationToken);
    }
}
