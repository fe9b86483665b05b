using Microsoft.Azure.Functions.Worker;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>Input of <see cref="IndexBackorder"/>: the order, its SKUs, and whether it now waits (true) or no longer does.</summary>
public sealed record BackorderInput(string OrderId, IReadOnlyList<string> Skus, bool Waiting);

/// <summary>Adds the backordered order to (or removes it from) the <see cref="BackorderStore"/>, so a stock change of its SKUs wakes it.</summary>
public sealed class IndexBackorder(BackorderStore index)
{
    public const string Name = nameof(IndexBackorder);

    [Function(Name)]
    public async Task<bool> RunAsync([ActivityTrigger] BackorderInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Waiting)
        {
            await index.AddAsync(input.OrderId, input.Skus, cancellationToken);
        }
        else
        {
            await index.RemoveAsync(input.OrderId, input.Skus, cancellationToken);
        }

        return input.Waiting;
    }
}
