namespace Omnichannel.Ledger.Configuration;

/// <summary>Settings of the catalogue and stock ledger, section <c>Ledger</c> (env: <c>Ledger__StockTable</c>).</summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>Table of stock partitions (one per SKU: balances, movements, listing rules). Default <c>stockledger</c>.</summary>
    public string StockTable { get; set; } = "stockledger";

    /// <summary>Table of products, locations, listings and lookup indexes. Default <c>catalogue</c>.</summary>
    public string CatalogueTable { get; set; } = "catalogue";

    /// <summary>Table of sale facts (one row per sale movement, partitioned by day). Default <c>salesbychannel</c>.</summary>
    public string SalesTable { get; set; } = "salesbychannel";

    /// <summary>Queue that receives low-stock and recount alerts (<see cref="Alerts.StockAlert"/>). Default <c>stock-alerts</c>.</summary>
    public string AlertsQueue { get; set; } = "stock-alerts";

    /// <summary>
    /// Internal queue feeding the alert webhook function (only used when <see cref="AlertWebhookUrl"/> is set), so
    /// webhook failures are retried and end in <c>{queue}-poison</c>. Default <c>stock-alerts-webhook</c>. The queue
    /// trigger reads it as <c>%Ledger:AlertWebhookQueue%</c>, so the app setting <c>Ledger__AlertWebhookQueue</c> must
    /// exist (the template, local.settings.sample.json and the tests' HubFactory give the default).
    /// </summary>
    public string AlertWebhookQueue { get; set; } = "stock-alerts-webhook";

    /// <summary>
    /// Queue of <see cref="Changes.StockChanged"/> messages for the channel stock sync. Default <c>stock-changed</c>. The
    /// sync's queue trigger reads it as <c>%Ledger:StockChangedQueue%</c>, so the app setting <c>Ledger__StockChangedQueue</c>
    /// must exist (the template, local.settings.sample.json and the tests' HubFactory give the default).
    /// </summary>
    public string StockChangedQueue { get; set; } = "stock-changed";

    /// <summary>
    /// A second queue that receives a copy of every stock-changed message, so a second subscriber (the order
    /// flow, which wakes backordered orders) does not compete with the stock sync for them. Default <c>stock-changed-orders</c>.
    /// </summary>
    public string StockChangedCopyQueue { get; set; } = "stock-changed-orders";

    /// <summary>
    /// Coalescing window of stock-changed messages per SKU (leading edge, then trailing): the first change of a SKU
    /// sends a message visible at once and opens the window; the changes inside it send one message visible when
    /// the window ends (a steady burst: one per window). Zero sends one message per change. Default 5 seconds; at
    /// most 1 hour.
    /// </summary>
    public TimeSpan StockChangedWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Optional HTTPS (or, for local use, HTTP) endpoint that receives every alert, signed with HMAC-SHA256. Default none.</summary>
    public Uri? AlertWebhookUrl { get; set; }

    /// <summary>The HMAC-SHA256 key for the alert webhook; required when <see cref="AlertWebhookUrl"/> is set. Never logged. Default none.</summary>
    public string? AlertWebhookSecret { get; set; }

    /// <summary>Attempts of one movement's read-modify-write when other writers keep winning (412). Default 200; 1-10000.</summary>
    public int MaxConflictAttempts { get; set; } = 200;

    /// <summary>How long the list of locations is cached per instance. Default 10 seconds; zero disables the cache.</summary>
    public TimeSpan LocationCacheDuration { get; set; } = TimeSpan.FromSeconds(10);
}
