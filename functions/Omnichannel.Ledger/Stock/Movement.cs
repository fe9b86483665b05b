namespace Omnichannel.Ledger.Stock;

/// <summary>Who or what caused a movement.</summary>
public sealed record MovementSource(string? Channel = null, string? OrderId = null, string? User = null);

/// <summary>Stock of one SKU at one location.</summary>
/// <param name="Location">Location id.</param>
/// <param name="OnHand">Physically there; may be negative after a POS sale the ledger did not expect.</param>
/// <param name="Reserved">Committed to orders not yet shipped.</param>
/// <param name="Incoming">Announced by <see cref="MovementKind.Expect"/>, not yet received.</param>
/// <param name="Unsellable">Damaged or in quarantine; never counted as available.</param>
/// <param name="InTransit">Transferred out of another location towards this one.</param>
/// <param name="Available">On hand minus reserved, never below zero.</param>
public sealed record LocationBalance(string Location, int OnHand, int Reserved, int Incoming, int Unsellable, int InTransit, int Available);

/// <summary>One immutable entry of the audit trail, with the balances it left behind.</summary>
/// <param name="Sequence">1 for the SKU's first movement, then +1 each; orders the trail.</param>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Location">Where it happened (the source location of a transfer out, the destination of a transfer in).</param>
/// <param name="OtherLocation">The other end of a transfer.</param>
/// <param name="Quantity">Units as requested (for a count: the counted units; for an adjustment: signed).</param>
/// <param name="Difference">Change of on hand at <paramref name="Location"/> (a count's correction, a sale's minus).</param>
/// <param name="Reason">Why (required for adjustments).</param>
/// <param name="Condition">Condition of returned goods.</param>
/// <param name="UnitPrice">Price per unit of a sale or return, for the sales report.</param>
/// <param name="IdempotencyKey">The caller's key; repeating it returns this movement.</param>
/// <param name="Source">Channel, order and user behind it.</param>
/// <param name="At">When the ledger recorded it.</param>
/// <param name="BalancesAfter">Balances of the locations it touched, after it.</param>
/// <param name="AvailableAfter">Consolidated available of the SKU after it.</param>
/// <param name="Currency">ISO 4217 currency of the amounts of a sale, shipment or return, where the caller knows it.</param>
/// <param name="UnitNet">Net per unit (after every discount, without tax), where the caller knows it.</param>
/// <param name="UnitTax">Tax per unit, where the caller knows it.</param>
public sealed record Movement(
    long Sequence,
    string Sku,
    MovementKind Kind,
    string Location,
    string? OtherLocation,
    int Quantity,
    int Difference,
    string? Reason,
    ReturnCondition? Condition,
    decimal? UnitPrice,
    string IdempotencyKey,
    MovementSource Source,
    DateTimeOffset At,
    IReadOnlyList<LocationBalance> BalancesAfter,
    int AvailableAfter,
    string? Currency = null,
    decimal? UnitNet = null,
    decimal? UnitTax = null);

/// <summary>A validated movement request; <see cref="Currency"/>, <see cref="UnitNet"/> and <see cref="UnitTax"/> feed the sales report.</summary>
public sealed record MovementCommand(
    string Sku,
    MovementKind Kind,
    string Location,
    int Quantity,
    string IdempotencyKey,
    MovementSource? Source = null,
    string? OtherLocation = null,
    string? Reason = null,
    ReturnCondition? Condition = null,
    decimal? UnitPrice = null,
    string? Currency = null,
    decimal? UnitNet = null,
    decimal? UnitTax = null)
{
    /// <summary>What must match for a repeated idempotency key to count as the same request.</summary>
    internal string Fingerprint => string.Join('|', Kind, Location, OtherLocation, Quantity, Reason, Condition);
}
