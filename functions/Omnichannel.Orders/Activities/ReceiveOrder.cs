using Omnichannel.Channels.Model;
using Omnichannel.Durable.Activities;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>Stores the canonical order (an order seen again updates its row, never a second one) and returns the latest stored version.</summary>
public sealed class ReceiveOrder(ArchivedOrderReader reader, OrderStore store, TimeProvider time) : TaskActivity<OrderFlowInput, CanonicalOrder>
{
    public const string Name = nameof(ReceiveOrder);

    public override async Task<CanonicalOrder> RunAsync(TaskActivityContext context, OrderFlowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var order = await reader.ReadAsync(input.ArchiveBlob, input.Channel, input.Store, input.ChannelOrderId, context.CancellationToken);
        if (await store.UpsertAsync(input.OrderId, order, input.MessageId, time.GetUtcNow(), context.CancellationToken))
        {
            return order;
        }

        // Stored before (a re-run, or an update that arrived first): the stored version is the latest.
        return (await store.GetAsync(input.OrderId, context.CancellationToken))?.Order ?? order;
    }
}
