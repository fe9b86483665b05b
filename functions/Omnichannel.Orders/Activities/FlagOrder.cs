using Microsoft.Azure.Functions.Worker;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>Adds a flag for operations to the stored order.</summary>
public sealed class FlagOrder(OrderStore store)
{
    public const string Name = nameof(FlagOrder);

    [Function(Name)]
    public Task<bool> RunAsync([ActivityTrigger] OrderNotice input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return store.AddFlagAsync(input.OrderId, input.Kind, cancellationToken);
    }
}
