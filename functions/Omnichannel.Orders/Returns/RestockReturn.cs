using Microsoft.Azure.Functions.Worker;
using Omnichannel.Events.Model;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Events;

namespace Omnichannel.Orders.Returns;

/// <summary>
/// Records a ledger Return per line at the return's location. The ledger keys are
/// <c>{order id}:return:{return id}:{line}</c>, derived from the return and not from the run, so a re-run, a
/// replay or a second start of the same return restocks once. Records <c>returned</c> once per return id.
/// </summary>
public sealed class RestockReturn(StockLedger ledger, OrderEventRecorder events)
{
    public const string Name = nameof(RestockReturn);

    public static string KeyFor(string orderId, string returnId, int line) => $"{orderId}:return:{returnId}:{line}";

    [Function(Name)]
    public async Task<int> RunAsync([ActivityTrigger] ReturnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var r = input.Return;
        for (var i = 0; i < r.Lines.Count; i++)
        {
            var line = r.Lines[i];
            var command = new MovementCommand(
                line.Sku, MovementKind.Return, r.Location, line.Quantity, KeyFor(input.OrderId, r.ReturnId, i),
                new MovementSource(input.Channel, input.OrderId, "order-return"), Reason: r.Reason, Condition: line.Condition, UnitPrice: line.UnitPrice,
                Currency: line.Currency, UnitNet: line.UnitNet, UnitTax: line.UnitTax);
            var outcome = await ledger.RecordAsync(command, cancellationToken);
            if (outcome.Rejection is { } rejection)
            {
                throw new InvalidOperationException($"The ledger refused the return of {line.Sku} at {r.Location}: {rejection.Message}");
            }
        }

        var data = new ReturnData(r.ReturnId, r.Location, r.Reason, r.ReturnedAt, r.Lines.Select(l => new ReturnLineData(l.ChannelLineId, l.Sku, l.Quantity, l.Condition.ToString())).ToList());
        await events.RecordAsync(EventTypes.OrderReturned, new OrderEventData(input.OrderId, Name, input.Channel, input.Store, input.ChannelOrderId, Return: data), cancellationToken, r.ReturnId);
        return r.Lines.Count;
    }
}
