namespace Omnichannel.Orders.Configuration;

/// <summary>Settings of the order flow, section <c>Orders</c> (app settings <c>Orders__*</c>).</summary>
public sealed class OrdersOptions
{
    public const string Section = "Orders";

    /// <summary>Table of orders (canonical order per flow), reported shipments and fulfilment requests. Default <c>orders</c>.</summary>
    public string OrdersTable { get; set; } = "orders";

    /// <summary>Queue receiving order alerts (needs attention, backordered, shipment late). Default <c>order-alerts</c>.</summary>
    public string AlertsQueue { get; set; } = "order-alerts";

    /// <summary>
    /// Locations to reserve from, first to last, for orders shipped by the merchant. Empty (the default): every
    /// location that ships online and is not channel-fulfilled, warehouses first, then 3PL, stores, dropship.
    /// </summary>
    public IList<string> LocationPriority { get; set; } = [];

    /// <summary>How long an order waits for a SKU mapping before (each) reminder alert. Default 4 hours.</summary>
    public TimeSpan SkuMappingReminder { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How often a backordered order checks the stock again (a StockAvailable event checks at once). Default 15 minutes.</summary>
    public TimeSpan StockRecheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a fulfilment request may wait for its shipment before an alert (repeated each period). Default 48 hours.</summary>
    public TimeSpan ShipmentSla { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How long a click-and-collect order may wait to be marked ready for pickup before an alert (repeated each period). Default 24 hours.</summary>
    public TimeSpan PickupPreparationSla { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a click-and-collect order may wait at the store, once ready, before a "not collected" alert
    /// (repeated each period); operations may then cancel it, which releases the reservation. Default 7 days.
    /// </summary>
    public TimeSpan CollectionDeadline { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Attempts to report tracking to the channel before the order fails. Default 5; 1-100.</summary>
    public int ReportAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt to report tracking; doubled per attempt, at most 1 hour. Default 30 seconds.</summary>
    public TimeSpan ReportRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// On start, when the catalogue has no locations, seed the demo catalogue: store-berlin (200), wh-main (300)
    /// and fba-eu (200, Amazon) of DEMO-TEE, plus DEMO-MUG and DEMO-CAP. Default false. Read by the local host only (functions/Omnichannel.LocalHost/Demo); the app on Azure never seeds it.
    /// </summary>
    public bool SeedDemo { get; set; }

    /// <summary>
    /// Outbound fulfilment webhooks per location: <c>Orders:Fulfilment:{locationId}:Url</c> and <c>:Secret</c>
    /// (HMAC-SHA256 of the body, header <c>X-Hub-Signature-256</c>). Locations without one get a pick list in the
    /// orders table. Default none.
    /// </summary>
    public IDictionary<string, FulfilmentEndpoint> Fulfilment { get; set; } = new Dictionary<string, FulfilmentEndpoint>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Where a location receives its fulfilment requests.</summary>
public sealed class FulfilmentEndpoint
{
    /// <summary>Absolute URL the signed request is POSTed to.</summary>
    public Uri? Url { get; set; }

    /// <summary>HMAC-SHA256 key of the signature. Never logged.</summary>
    public string? Secret { get; set; }
}
