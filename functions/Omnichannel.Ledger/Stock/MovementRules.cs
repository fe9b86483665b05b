namespace Omnichannel.Ledger.Stock;

/// <summary>
/// The ledger's arithmetic, free of storage: given the balances of a SKU and a movement, the new balances of
/// the locations it touches, or why it is refused. A reservation must fit both the location's available
/// (on hand − reserved) and the SKU's consolidated available (which also holds back the safety stock).
/// </summary>
internal static class MovementRules
{
    public static int ConsolidatedAvailable(IEnumerable<BalanceState> balances, int safetyStock)
    {
        long onHand = 0, reserved = 0;
        foreach (var b in balances)
        {
            onHand += b.OnHand;
            reserved += b.Reserved;
        }

        return (int)Math.Max(0, onHand - reserved - safetyStock);
    }

    /// <summary>A POS sale that takes on hand below zero raises one recount alert; only a count clears the flag.</summary>
    public static bool RaisesRecount(MovementKind kind, BalanceState after) =>
        kind == MovementKind.PosSale && after.OnHand < 0 && !after.RecountAlerted;

    /// <summary>Low stock: the consolidated available below the reorder point; without a reorder point, never.</summary>
    public static bool IsLow(int available, int? reorderPoint) => reorderPoint is { } point && available < point;

    public static RuleResult Apply(MovementCommand c, IReadOnlyDictionary<string, BalanceState> balances, int safetyStock)
    {
        var here = balances.GetValueOrDefault(c.Location, BalanceState.Empty);
        var q = c.Quantity;
        switch (c.Kind)
        {
            case MovementKind.Receipt:
                return One(c, here with { OnHand = here.OnHand + q, Incoming = Math.Max(0, here.Incoming - q) }, q);
            case MovementKind.Expect:
                return One(c, here with { Incoming = here.Incoming + q }, 0);
            case MovementKind.Adjustment:
                return here.OnHand + q < 0
                    ? Refuse(c, RejectionReason.InsufficientStock, $"Adjustment of {q} would take on hand at '{c.Location}' below zero.", -q, here.OnHand)
                    : One(c, here with { OnHand = here.OnHand + q }, q);
            case MovementKind.Count:
                return One(c, here with { OnHand = q, RecountAlerted = false }, q - here.OnHand);
            case MovementKind.PosSale:
                return One(c, here with { OnHand = here.OnHand - q }, -q);
            case MovementKind.Reserve:
                var consolidated = ConsolidatedAvailable(balances.Values, safetyStock);
                var canReserve = Math.Min(here.Available, consolidated);
                return q > canReserve
                    ? Refuse(c, RejectionReason.InsufficientStock, $"Cannot reserve {q} of '{c.Sku}' at '{c.Location}': {canReserve} available (location {here.Available}, consolidated after safety stock {consolidated}).", q, canReserve)
                    : One(c, here with { Reserved = here.Reserved + q }, 0);
            case MovementKind.Release:
                return q > here.Reserved
                    ? Refuse(c, RejectionReason.InsufficientReserved, $"Cannot release {q} of '{c.Sku}' at '{c.Location}': {here.Reserved} reserved.", q, here.Reserved)
                    : One(c, here with { Reserved = here.Reserved - q }, 0);
            case MovementKind.Ship:
                return q > here.Reserved
                    ? Refuse(c, RejectionReason.InsufficientReserved, $"Cannot ship {q} of '{c.Sku}' from '{c.Location}': only {here.Reserved} reserved (reserve before shipping).", q, here.Reserved)
                    : One(c, here with { Reserved = here.Reserved - q, OnHand = here.OnHand - q }, -q);
            case MovementKind.Return:
                return c.Condition == ReturnCondition.Damaged
                    ? One(c, here with { Unsellable = here.Unsellable + q }, 0)
                    : One(c, here with { OnHand = here.OnHand + q }, q);
            case MovementKind.TransferOut:
                if (q > here.Available)
                {
                    return Refuse(c, RejectionReason.InsufficientStock, $"Cannot transfer {q} of '{c.Sku}' out of '{c.Location}': {here.Available} available.", q, here.Available);
                }

                var destination = balances.GetValueOrDefault(c.OtherLocation!, BalanceState.Empty);
                return new RuleResult(
                    new Dictionary<string, BalanceState>
                    {
                        [c.Location] = here with { OnHand = here.OnHand - q },
                        [c.OtherLocation!] = destination with { InTransit = destination.InTransit + q },
                    },
                    -q,
                    null);
            case MovementKind.TransferIn:
                return q > here.InTransit
                    ? Refuse(c, RejectionReason.InsufficientInTransit, $"Cannot receive a transfer of {q} of '{c.Sku}' at '{c.Location}': {here.InTransit} in transit.", q, here.InTransit)
                    : One(c, here with { InTransit = here.InTransit - q, OnHand = here.OnHand + q }, q);
            default:
                throw new ArgumentOutOfRangeException(nameof(c), c.Kind, "Unknown movement kind.");
        }
    }

    private static RuleResult One(MovementCommand c, BalanceState after, int difference) =>
        new(new Dictionary<string, BalanceState> { [c.Location] = after }, difference, null);

    private static RuleResult Refuse(MovementCommand c, RejectionReason reason, string message, int requested, int available) =>
        new(new Dictionary<string, BalanceState>(), 0, new LedgerRejection(reason, c.Sku, c.Location, message, requested, available));
}
