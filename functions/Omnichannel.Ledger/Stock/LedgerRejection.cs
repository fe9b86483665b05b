namespace Omnichannel.Ledger.Stock;

/// <summary>Why the ledger refused a movement. It never clamps: the caller learns the shortfall.</summary>
public enum RejectionReason
{
    UnknownSku,
    UnknownLocation,

    /// <summary>Reserve, transfer or negative adjustment larger than what is available.</summary>
    InsufficientStock,

    /// <summary>Release or ship of more than is reserved.</summary>
    InsufficientReserved,

    /// <summary>Transfer in of more than is in transit to the location.</summary>
    InsufficientInTransit,

    /// <summary>The idempotency key was already used for a different movement.</summary>
    IdempotencyKeyReused,
}

/// <summary>A refused movement; nothing was written.</summary>
public sealed record LedgerRejection(RejectionReason Reason, string Sku, string? Location, string Message, int? Requested = null, int? Available = null)
{
    /// <summary>Units missing to satisfy the request.</summary>
    public int? Shortfall => Requested is { } r && Available is { } a ? r - a : null;
}

/// <summary>The answer to a movement: recorded (possibly earlier, when <see cref="Replayed"/>) or refused.</summary>
public sealed record MovementOutcome(Movement? Movement, bool Replayed, LedgerRejection? Rejection)
{
    public static MovementOutcome Recorded(Movement movement) => new(movement, false, null);

    public static MovementOutcome Replay(Movement movement) => new(movement, true, null);

    public static MovementOutcome Refused(LedgerRejection rejection) => new(null, false, rejection);
}
