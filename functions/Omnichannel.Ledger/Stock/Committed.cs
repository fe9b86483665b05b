namespace Omnichannel.Ledger.Stock;

/// <summary>A decided movement and what must happen after its commit.</summary>
public sealed record Committed(
    MovementOutcome Outcome,
    bool LowStockCrossed = false,
    int? ReorderPoint = null,
    string? RecountLocation = null,
    ChangeNotice ChangeNotice = ChangeNotice.None,
    DateTimeOffset ChangeWindowEnd = default)
{
    public static Committed Only(MovementOutcome outcome) => new(outcome);
}
