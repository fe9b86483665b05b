namespace Omnichannel.Sync.Configuration;

/// <summary>Settings of the channel stock sync and the feeds, section <c>Sync</c> (env: <c>Sync__StateTable</c>).</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Table of per-listing sync state (last pushed figure, pending figure, errors, drift). Default <c>stocksync</c>.</summary>
    public string StateTable { get; set; } = "stocksync";

    /// <summary>Table of feed prices, one row per SKU (the catalogue has no prices). Default <c>feedprices</c>.</summary>
    public string PriceTable { get; set; } = "feedprices";

    /// <summary>Blob container the feeds are written to (<c>{feed}/latest.*</c>). Default <c>feeds</c>.</summary>
    public string FeedsContainer { get; set; } = "feeds";

    /// <summary>
    /// NCRONTAB (6 fields) of the retry pass that re-pushes pending and failed listings. Default every minute. The timer reads it as <c>%Sync:RetrySchedule%</c>, so the app setting
    /// <c>Sync__RetrySchedule</c> must exist (the template, local.settings.sample.json and the tests' HubFactory give the
    /// default); it is validated here at start-up.
    /// </summary>
    public string RetrySchedule { get; set; } = "30 * * * * *";

    /// <summary>
    /// NCRONTAB (6 fields) of the reconciliation that compares what channels show with what they should. Default every 15 minutes. The timer reads it as <c>%Sync:ReconcileSchedule%</c>, so the app setting
    /// <c>Sync__ReconcileSchedule</c> must exist (the template, local.settings.sample.json and the tests' HubFactory give the
    /// default); it is validated here at start-up.
    /// </summary>
    public string ReconcileSchedule { get; set; } = "0 */15 * * * *";

    /// <summary>
    /// NCRONTAB (6 fields) of feed generation. Default hourly. The timer reads it as <c>%Sync:FeedSchedule%</c>, so the app setting
    /// <c>Sync__FeedSchedule</c> must exist (the template, local.settings.sample.json and the tests' HubFactory give the
    /// default); it is validated here at start-up.
    /// </summary>
    public string FeedSchedule { get; set; } = "0 0 * * * *";

    /// <summary>
    /// SKUs the retry pass re-syncs at once (1-32), so that their pushes share batched calls. Default 16. How many
    /// stock-changed messages one host takes at once is host-wide: <c>extensions.queues.batchSize</c> in host.json.
    /// </summary>
    public int QueueBatchSize { get; set; } = 16;

    /// <summary>Stock calls in flight at once per channel account from one host; the channel client's own rate limiter still applies. Default 4; 1-64.</summary>
    public int MaxConcurrentPushesPerChannel { get; set; } = 4;

    /// <summary>
    /// How long a push to a channel with a batch call (Shopify, eBay, Allegro) waits for pushes of other listings of the
    /// same account to join it in one call; it goes at once when a call's worth has gathered. Channels without a batch
    /// call never wait. Adds at most this much to the time a change takes to reach such a channel. Default 20 ms; 0 to 10 s.
    /// </summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Consecutive failed pushes after which a listing is reported to operations as failing. Default 3; 1-1000.</summary>
    public int FailingAfter { get; set; } = 3;

    /// <summary>
    /// How long a push claim holds a listing; a claim older than this (a crashed host) may be taken over.
    /// Keep it above the channel client's total timeout (<c>Channels:Http:TotalTimeout</c>, 2 minutes) plus queueing. Default 5 minutes; 5 seconds to 1 hour.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Quantities at or below this (and above zero) are <c>limited_availability</c> in the Google local inventory feed. Default 2 (Google's own rule: 1-2 limited, 3+ in stock).</summary>
    public int LimitedAvailabilityAtOrBelow { get; set; } = 2;

    /// <summary>ISO 4217 currency for prices stored without one. Default <c>EUR</c>.</summary>
    public string DefaultCurrency { get; set; } = "EUR";

    /// <summary>
    /// Channel location per channel and store, for channels whose stock call needs one (Shopify: the location
    /// gid), e.g. <c>Sync:ChannelLocations:shopify:main</c>. Default none.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> ChannelLocations { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The feeds by name (letters, digits, '-'), each with its <see cref="FeedKind"/>. Default: <c>google-local</c>
    /// (Google Merchant Center local inventory, TSV) and <c>price-comparison</c> (CSV).
    /// </summary>
    public Dictionary<string, FeedKind> Feeds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The configured feeds, or the two defaults when none is configured.</summary>
    public IReadOnlyDictionary<string, FeedKind> EffectiveFeeds => Feeds.Count > 0
        ? Feeds
        : new Dictionary<string, FeedKind>(StringComparer.OrdinalIgnoreCase) { ["google-local"] = FeedKind.GoogleLocalInventory, ["price-comparison"] = FeedKind.PriceComparison };
}

/// <summary>The formats of feed the hub writes.</summary>
public enum FeedKind
{
    /// <summary>Google Merchant Center local inventory (tab-separated): store_code, id, quantity, availability, price.</summary>
    GoogleLocalInventory,

    /// <summary>Price-comparison CSV: id, title, brand, gtin, mpn, price, currency, availability, quantity, link.</summary>
    PriceComparison,
}
