using Microsoft.Azure.Functions.Worker;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>
/// Stores the canonical order (an order seen again updates its row, never a second one) and returns the latest
/// stored version with its lines matched: one step, so a new order costs one activity before reservation.
/// </summary>
public sealed class ReceiveOrder(ArchivedOrderReader reader, OrderStore store, ListingMatcher matcher, TimeProvider time)
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

        return new MatchedOrder(order, await MatchOrderLines.MatchAsync(matcher, order, cancellationToken));
    }
}
