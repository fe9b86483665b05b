using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Activities;

/// <summary>Queues an alert (needs attention, backordered, shipment late), keeps it for the console (both in <see cref="OrderAlertStore"/>) and logs it as a warning.</summary>
public sealed class RaiseOrderAlert(OrderAlertStore alerts, TimeProvider time, ILogger<RaiseOrderAlert> logger)
{
    public const string Name = nameof(RaiseOrderAlert);

    [Function(Name)]
    public async Task<bool> RunAsync([ActivityTrigger] OrderNotice input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var alert = new OrderAlert(input.OrderId, input.Kind, input.Detail, time.GetUtcNow(), input.Key ?? $"{input.OrderId}:{input.Kind}");
        await alerts.QueueAsync(alert, cancellationToken);
        await alerts.RecordAsync(alert, cancellationToken);
        Log.Alert(logger, input.Kind, input.OrderId, input.Detail);
        return true;
    }
}
