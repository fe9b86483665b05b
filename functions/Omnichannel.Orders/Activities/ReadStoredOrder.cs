using Omnichannel.Channels.Model;
using Omnichannel.Durable.Activities;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>The stored canonical order (the channel's latest version, as intake keeps it).</summary>
public sealed class ReadStoredOrder(OrderStore store) : TaskActivity<string, CanonicalOrder>
{
    public const string Name = nameof(ReadStoredOrder);

    public override async Task<CanonicalOrder> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (await store.GetAsync(input, context.CancellationToken))?.Order
            ?? throw new InvalidOperationException($"Order {input} is not stored.");
    }
}
