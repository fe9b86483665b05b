using Microsoft.Azure.Functions.Worker;
using Omnichannel.Events.Model;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Events;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Fulfilment;

namespace Omnichannel.Orders.Activities;

/// <summary>
/// Reserves every line, each from the first candidate location that has all of it, else split over the
/// candidates in their order (taking stock where it is), or reserves nothing and says what is missing. Ledger keys are <see cref="FlowKeys.Reserve"/> (order, attempt, line), so a re-run of this step finds its
/// first reservations instead of making new ones. Records <c>reserved</c> (with what is held where) or
/// <c>backordered</c> (once per order, with what is missing).
/// </summary>
public sealed class ReserveStock(LocationPlanner planner, StockReader reader, StockLedger ledger, OrderEventRecorder events)
{
    public const string Name = nameof(ReserveStock);

    [Function(Name)]
    public async Task<ReservationResult> RunAsync([ActivityTrigger] StockInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = cancellationToken;
        var candidates = await planner.CandidatesAsync(input.Fulfilment, ct);
        var views = await reader.GetManyAsync(input.Lines.Select(l => l.Sku), ct);
        var available = views.SelectMany(v => v.Locations.Select(b => (Key: (v.Sku, b.Location), b.Available))).ToDictionary(x => x.Key, x => x.Available);
        var (plan, missing) = LocationPlanner.Allocate(input.Lines, candidates, available);
        if (missing.Count > 0)
        {
            return await BackorderedAsync(input, missing, ct);
        }

        var reserved = new List<Allocation>();
        for (var i = 0; i < plan.Count; i++)
        {
            var a = plan[i];
            var key = FlowKeys.Reserve(input.OrderId, input.Attempt, i);
            var outcome = await ledger.RecordAsync(Command(MovementKind.Reserve, a, key, input), ct);
            if (outcome.Rejection is { Reason: RejectionReason.IdempotencyKeyReused })
            {
                // A first run of this step reserved this line elsewhere: keep that reservation.
                var first = await ledger.FindAsync(a.Sku, key, ct) ?? throw new InvalidOperationException(outcome.Rejection.Message);
                reserved.Add(a with { Location = first.Location, Quantity = first.Quantity });
                continue;
            }

            if (outcome.Rejection is { } rejection)
            {
                // Another order took the stock between the read and the reservation: hold nothing, try again later.
                for (var j = 0; j < reserved.Count; j++)
                {
                    await ledger.RecordAsync(Command(MovementKind.Release, reserved[j], $"{FlowKeys.Reserve(input.OrderId, input.Attempt, j)}:release", input), ct);
                }

                return await BackorderedAsync(input, [$"{a.Sku}: {rejection.Message}"], ct);
            }

            reserved.Add(a);
        }

        await events.RecordAsync(EventTypes.OrderReserved, new OrderEventData(input.OrderId, Name, input.Channel, Allocations: reserved), ct);
        return new ReservationResult(reserved, []);
    }

    private async Task<ReservationResult> BackorderedAsync(StockInput input, IReadOnlyList<string> missing, CancellationToken cancellationToken)
    {
        await events.RecordAsync(EventTypes.OrderBackordered, new OrderEventData(input.OrderId, Name, input.Channel, Detail: "Not enough stock: " + string.Join("; ", missing)), cancellationToken);
        return new ReservationResult([], missing);
    }

    internal static MovementCommand Command(MovementKind kind, Allocation a, string key, StockInput input) =>
        new(a.Sku, kind, a.Location, a.Quantity, key, new MovementSource(input.Channel, input.OrderId, "order-flow"), UnitPrice: kind == MovementKind.Reserve ? null : a.UnitPrice,
            Currency: kind == MovementKind.Reserve ? null : a.Currency,
            UnitNet: kind == MovementKind.Reserve ? null : a.UnitNet,
            UnitTax: kind == MovementKind.Reserve ? null : a.UnitTax);
}
