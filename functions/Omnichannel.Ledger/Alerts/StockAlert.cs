namespace Omnichannel.Ledger.Alerts;

/// <summary>Why an alert fired.</summary>
public enum StockAlertKind
{
    /// <summary>Consolidated available fell below the reorder point (once per crossing).</summary>
    LowStock,

    /// <summary>A POS sale left on hand below zero at a location: count it (once until a count clears it).</summary>
    Recount,
}

/// <summary>An alert, sent to <c>Ledger:AlertsQueue</c> and, when configured, to the alert webhook.</summary>
/// <param name="Kind">Why.</param>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Location">For <see cref="StockAlertKind.Recount"/>: where.</param>
/// <param name="Available">Consolidated available after the movement.</param>
/// <param name="ReorderPoint">The product's reorder point, if any.</param>
/// <param name="OnHand">For <see cref="StockAlertKind.Recount"/>: the location's on hand (negative).</param>
/// <param name="Sequence">The movement that caused it.</param>
/// <param name="At">When that movement was recorded.</param>
public sealed record StockAlert(StockAlertKind Kind, string Sku, string? Location, int Available, int? ReorderPoint, int? OnHand, long Sequence, DateTimeOffset At);
