using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Events.Model;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Events;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Storage;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Orders.Activities;

/// <summary>An alert for operations, as queued on <see cref="OrdersOptions.AlertsQueue"/>.</summary>
public sealed record OrderAlert(string OrderId, string Kind, string Detail, DateTimeOffset At, string Key);

/// <summary>Queues an alert (needs attention, backordered, shipment late), keeps it for the console (<see cref="OrderAlertLog"/>) and logs it as a warning.</summary>
public sealed class RaiseOrderAlert(StorageAccount account, IOptions<OrdersOptions> options, OrderAlertLog log, TimeProvider time, ILogger<RaiseOrderAlert> logger)
{
    public const string Name = nameof(RaiseOrderAlert);

    [Function(Name)]
    public async Task<bool> RunAsync([ActivityTrigger] OrderNotice input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var queue = account.Queues.GetQueueClient(options.Value.AlertsQueue);
        await StorageCall.RunAsync(() => queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        var alert = new OrderAlert(input.OrderId, input.Kind, input.Detail, time.GetUtcNow(), input.Key ?? $"{input.OrderId}:{input.Kind}");
        await StorageCall.RunAsync(() => queue.SendMessageAsync(OrderJson.Serialize(alert), cancellationToken));
        await log.RecordAsync(alert, cancellationToken);
        Log.Alert(logger, input.Kind, input.OrderId, input.Detail);
        return true;
    }
}

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

/// <summary>Tells the channel the hub processed its cancellation, and records <c>cancelled</c>.</summary>
public sealed class AcknowledgeCancellation(IOrderChannels channels, OrderEventRecorder events)
{
    public const string Name = nameof(AcknowledgeCancellation);

    [Function(Name)]
    public async Task<bool> RunAsync([ActivityTrigger] CancellationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await channels.Get(input.Channel).AcknowledgeCancellationAsync(input.Store, input.ChannelOrderId, cancellationToken);
        await events.RecordAsync(
            EventTypes.OrderCancelled, new OrderEventData(input.OrderId, "Cancel", input.Channel, input.Store, input.ChannelOrderId, input.Reason ?? "cancelled on the channel"), cancellationToken);
        return true;
    }
}
