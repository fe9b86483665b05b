using Microsoft.Azure.Functions.Worker;
using Omnichannel.Orders.Events;

namespace Omnichannel.Orders.Activities;

/// <summary>Input of <see cref="RecordOrderEvent"/>.</summary>
public sealed record OrderEventInput(string OrderId, string Type, string Step, string? Detail);

/// <summary>
/// Records an order event where no other activity runs to record it: a cancellation that held nothing and came
/// from operations, and a flow that failed. Everywhere else the activity that makes the change records it.
/// </summary>
public sealed class RecordOrderEvent(OrderEventRecorder events)
{
    public const string Name = nameof(RecordOrderEvent);

    [Function(Name)]
    public async Task<bool> RunAsync([ActivityTrigger] OrderEventInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await events.RecordAsync(input.Type, new OrderEventData(input.OrderId, input.Step, Detail: input.Detail), cancellationToken);
        return true;
    }
}
