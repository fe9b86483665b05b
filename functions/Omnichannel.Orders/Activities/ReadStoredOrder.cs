using Microsoft.Azure.Functions.Worker;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Events;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>The stored canonical order (the channel's latest version, as intake keeps it), its lines matched in the same step.</summary>
public sealed class ReadStoredOrder(OrderStore store, ListingMatcher matcher, OrderEventRecorder events)
{
    public const string Name = nameof(ReadStoredOrder);

    [Function(Name)]
    public async Task<MatchedOrder> RunAsync([ActivityTrigger] string orderId, CancellationToken cancellationToken)
    {
        var order = (await store.GetAsync(orderId, cancellationToken))?.Order
            ?? throw new InvalidOperationException($"Order {orderId} is not stored.");
        var match = await MatchOrderLines.MatchAsync(matcher, order, cancellationToken);
        await ReceiveOrder.NeedsAttentionAsync(events, new OrderEventData(orderId, Name, order.Channel, order.Store, order.ChannelOrderId), match, cancellationToken);
        return new MatchedOrder(order, match);
    }
}
