using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Durable.Activities;
using Omnichannel.Durable.Model;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Storage;
using Omnichannel.Storage.Connection;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Orders.Activities;

/// <summary>An alert for operations, as queued on <see cref="OrdersOptions.AlertsQueue"/>.</summary>
public sealed record OrderAlert(string OrderId, string Kind, string Detail, DateTimeOffset At, string Key);

/// <summary>Queues an alert (needs attention, backordered, shipment late) and logs it as a warning.</summary>
public sealed class RaiseOrderAlert(StorageAccount account, IOptions<OrdersOptions> options, TimeProvider time, ILogger<RaiseOrderAlert> logger)
    : TaskActivity<OrderNotice, bool>
{
    public const string Name = nameof(RaiseOrderAlert);

    public override async Task<bool> RunAsync(TaskActivityContext context, OrderNotice input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var queue = account.Queues.GetQueueClient(options.Value.AlertsQueue);
        await StorageCall.RunAsync(() => queue.CreateIfNotExistsAsync(cancellationToken: context.CancellationToken));
        var alert = new OrderAlert(input.OrderId, input.Kind, input.Detail, time.GetUtcNow(), context.IdempotencyKey);
        await StorageCall.RunAsync(() => queue.SendMessageAsync(DurableJson.Serialize(alert), context.CancellationToken));
        Log.Alert(logger, input.Kind, input.OrderId, input.Detail);
        return true;
    }
}

/// <summary>Adds a flag for operations to the stored order.</summary>
public sealed class FlagOrder(OrderStore store) : TaskActivity<OrderNotice, bool>
{
    public const string Name = nameof(FlagOrder);

    public override Task<bool> RunAsync(TaskActivityContext context, OrderNotice input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return store.AddFlagAsync(input.OrderId, input.Kind, context.CancellationToken);
    }
}

/// <summary>Tells the channel the hub processed its cancellation.</summary>
public sealed class AcknowledgeCancellation(IOrderChannels channels) : TaskActivity<CancellationInput, bool>
{
    public const string Name = nameof(AcknowledgeCancellation);

    public override async Task<bool> RunAsync(TaskActivityContext context, CancellationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await channels.Get(input.Channel).AcknowledgeCancellationAsync(input.Store, input.ChannelOrderId, context.CancellationToken);
        return true;
    }
}
