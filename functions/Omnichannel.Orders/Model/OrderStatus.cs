namespace Omnichannel.Orders.Model;

/// <summary>Where an order stands, as operations see it.</summary>
public enum OrderStatus
{
    /// <summary>The flow is scheduled but has not run yet.</summary>
    Pending,

    /// <summary>Stored; matching its lines.</summary>
    Received,

    /// <summary>A line matches no catalogue SKU: waits for <c>POST /api/orders/{id}/map-sku</c>.</summary>
    NeedsAttention,

    /// <summary>Not enough stock: waits for stock (a StockAvailable event or the periodic re-check).</summary>
    Backordered,

    /// <summary>Reserved and handed to the location: waits for <c>POST /api/shipments/{id}</c>.</summary>
    AwaitingShipment,

    /// <summary>Click-and-collect: reserved at the pickup store, pick list handed over; waits for <c>POST /api/orders/{id}/ready-for-pickup</c>.</summary>
    PreparingPickup,

    /// <summary>Click-and-collect: ready at the store (the channel told where it can be); waits for <c>POST /api/orders/{id}/picked-up</c>.</summary>
    ReadyForPickup,

    /// <summary>Shipped (or picked up); reporting the fulfilment to the channel.</summary>
    Shipped,

    /// <summary>Done: tracking reported, or the sale recorded for a channel-fulfilled order.</summary>
    Completed,

    /// <summary>Cancelled before shipping: reservation released, channel acknowledged.</summary>
    Cancelled,

    /// <summary>A step failed after its retries; <c>POST /api/orders/{id}/replay</c> resumes it.</summary>
    Failed,

    /// <summary>Stopped by operations through the runtime's terminate route.</summary>
    Terminated,
}

/// <summary>The flow's custom status: the business status and a short human-readable detail.</summary>
/// <param name="Status">Business status.</param>
/// <param name="Detail">What it waits for or why.</param>
/// <param name="Flags">Things operations must look at (e.g. cancelled after shipping).</param>
public sealed record OrderProgress(OrderStatus Status, string? Detail = null, IReadOnlyList<string>? Flags = null);
