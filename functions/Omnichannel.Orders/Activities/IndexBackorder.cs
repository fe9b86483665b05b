using Omnichannel.Durable.Activities;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>Input of <see cref="IndexBackorder"/>: the order, its SKUs, and whether it now waits (true) or no longer does.</summary>
public sealed record BackorderInput(string OrderId, IReadOnlyList<string> Skus, bool Waiting);

/// <summary>Adds the backordered order to (or removes it from) the <see cref="BackorderIndex"/>, so a stock change of its SKUs wakes it.</summary>
public sealed class IndexBackorder(BackorderIndex index) : TaskActivity<BackorderInput, bool>
{
    public const string Name = nameof(IndexBackorder);

    public override async Task<bool> RunAsync(TaskActivityContext context, BackorderInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Waiting)
        {
            await index.AddAsync(input.OrderId, input.Skus, context.CancellationToken);
        }
        else
        {
            await index.RemoveAsync(input.OrderId, input.Skus, context.CancellationToken);
        }

        return input.Waiting;
    }
}
