namespace Omnichannel.Ledger.Stock;

/// <summary>What a movement does to the balance of its location (see <see cref="MovementRules"/>).</summary>
public enum MovementKind
{
    /// <summary>Goods arrived: on hand up; consumes announced incoming stock up to the quantity.</summary>
    Receipt,

    /// <summary>Goods announced (purchase order): incoming up, nothing sellable yet.</summary>
    Expect,

    /// <summary>Signed correction with a reason; refused if it would take on hand below zero.</summary>
    Adjustment,

    /// <summary>Absolute stock count: on hand becomes the quantity; the movement records the difference.</summary>
    Count,

    /// <summary>Sold at a till: on hand down, even below zero (the sale happened), which raises a recount alert.</summary>
    PosSale,

    /// <summary>Committed to an order: reserved up; refused when it exceeds what is available.</summary>
    Reserve,

    /// <summary>Reservation cancelled: reserved down.</summary>
    Release,

    /// <summary>Shipped: consumes a reservation (reserved and on hand down).</summary>
    Ship,

    /// <summary>Came back: sellable goes to on hand, damaged to unsellable.</summary>
    Return,

    /// <summary>Sent to another location: on hand down here, in transit up at the destination.</summary>
    TransferOut,

    /// <summary>Arrived from another location: in transit down, on hand up.</summary>
    TransferIn,
}

/// <summary>State of returned goods.</summary>
public enum ReturnCondition
{
    Sellable,
    Damaged,
}
