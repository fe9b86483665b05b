namespace Omnichannel.Events.Configuration;

/// <summary>Settings of the events outbox and its destinations, section <c>Events</c> (env: <c>Events__Queue</c>).</summary>
public sealed class EventsOptions
{
    public const string Section = "Events";

    /// <summary>The CloudEvents <c>source</c> of every event (a URI reference). Default <c>/omnichannel-hub</c>.</summary>
    public string Source { get; set; } = "/omnichannel-hub";

    /// <summary>Outbox table of the features whose state is not in a table of their own (the order flow). Default <c>eventsoutbox</c>.</summary>
    public string OutboxTable { get; set; } = "eventsoutbox";

    /// <summary>Table of sent events (GET /api/events), one partition per UTC day. Default <c>events</c>.</summary>
    public string HistoryTable { get; set; } = "events";

    /// <summary>Table of each destination's delivery state (failures, backoff, paused). Default <c>eventdestinations</c>.</summary>
    public string DestinationsTable { get; set; } = "eventdestinations";

    /// <summary>
    /// Storage queue (on AzureWebJobsStorage, Azurite locally) that receives every event as CloudEvent JSON; empty
    /// turns this destination off. Default <c>hub-events</c>.
    /// </summary>
    public string? Queue { get; set; } = "hub-events";

    /// <summary>
    /// Schedule of the sweep that dispatches what a prompt dispatch left (a crash after a commit, a destination in
    /// backoff), NCRONTAB with seconds, read by the timer as <c>%Events:SweepSchedule%</c>. Default every minute.
    /// </summary>
    public string SweepSchedule { get; set; } = "20 * * * * *";

    /// <summary>How long a dispatcher holds the outbox rows it claimed before another may take them. Default 2 minutes; 5 s to 1 hour.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Delay before the first retry of a failed destination; doubles per failure. Default 5 seconds; at most <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest delay between retries of a failing destination. Default 10 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Consecutive failed attempts after which a webhook subscriber is paused (shown in GET /api/events/destinations). Default 8; 1-1000.</summary>
    public int PauseAfterFailures { get; set; } = 8;

    /// <summary>Timeout of one webhook call. Default 10 seconds.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Azure Service Bus topic destination; off unless <see cref="ServiceBusOptions.FullyQualifiedNamespace"/> is set.</summary>
    public ServiceBusOptions ServiceBus { get; set; } = new();

    /// <summary>Webhook subscribers by name (<c>Events__Webhooks__erp__Url</c>, <c>..__Secret</c>, <c>..__Types</c>). Default none.</summary>
    public Dictionary<string, WebhookSubscriberOptions> Webhooks { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The Service Bus topic the events go to, identity-based.</summary>
public sealed class ServiceBusOptions
{
    /// <summary>The namespace's host name, e.g. <c>sb-omnihub-prod.servicebus.windows.net</c>. Default none (destination off).</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>The topic. Default <c>hub-events</c>.</summary>
    public string Topic { get; set; } = "hub-events";

    /// <summary>Client id of the user-assigned managed identity; none uses DefaultAzureCredential (AZURE_CLIENT_ID). Default none.</summary>
    public string? ClientId { get; set; }
}

/// <summary>One webhook subscriber.</summary>
public sealed class WebhookSubscriberOptions
{
    /// <summary>HTTPS (or, for local use, HTTP) endpoint that receives each event as a signed POST. Required.</summary>
    public Uri? Url { get; set; }

    /// <summary>The HMAC-SHA256 key of the signature; required, never logged (a Key Vault reference on Azure).</summary>
    public string? Secret { get; set; }

    /// <summary>Comma-separated event types it receives (a trailing <c>*</c> matches a prefix, e.g. <c>omnichannel.order.*</c>). Default all.</summary>
    public string? Types { get; set; }
}
