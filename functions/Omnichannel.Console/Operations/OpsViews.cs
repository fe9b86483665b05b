using Omnichannel.Orders.Model;

namespace Omnichannel.OperationsConsole.Operations;

/// <summary>
/// The answer of <c>GET /api/ops/orders-by-day</c>: orders whose flow started in the window, counted by UTC day of
/// start and by their status now, the totals by status, and how many wait for their shipment beyond the SLA.
/// </summary>
public sealed record OrderCounts(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<DayCounts> Days,
    IReadOnlyDictionary<OrderStatus, int> Totals,
    int LateShipments,
    DateTimeOffset LateBefore,
    bool Truncated);

/// <summary>One UTC day: orders started that day, by status now.</summary>
public sealed record DayCounts(DateOnly Date, IReadOnlyDictionary<OrderStatus, int> Counts);

/// <summary>A poison queue and about how many messages it holds.</summary>
public sealed record PoisonQueue(string Name, int ApproximateMessages);

/// <summary>An alert for operations, newest first in <c>GET /api/ops/alerts</c>.</summary>
/// <param name="At">When it was raised.</param>
/// <param name="Kind">lowStock, recount, needsAttention, backordered, shipmentLate, shipmentUnassigned, pickupLate, notCollected.</param>
/// <param name="Subject">The SKU (stock alerts) or the order id (order alerts).</param>
/// <param name="Detail">What it says.</param>
/// <param name="Source">stock or order.</param>
public sealed record OpsAlert(DateTimeOffset At, string Kind, string Subject, string Detail, string Source);
