namespace Omnichannel.Channels.Configuration;

/// <summary>
/// Ingestion settings, section <c>Channels:Ingestion</c> (app settings <c>Channels__Ingestion__*</c>).
/// Storage names are settings so each test (or deployment slot) can use its own.
/// </summary>
public sealed class ChannelsOptions
{
    public const string Section = "Channels:Ingestion";

    /// <summary>Largest webhook body accepted; larger ones get 413. Default 1 MiB (1048576).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Blob container holding every authentic payload as received. Default <c>channel-webhooks</c>.</summary>
    public string ArchiveContainer { get; set; } = "channel-webhooks";

    /// <summary>Queue the order messages go to (the order flow reads it). Default <c>channel-orders</c>.</summary>
    public string OrderQueue { get; set; } = "channel-orders";

    /// <summary>
    /// Queue of webhook deliveries handed on by the receiving request; the forward function (<c>ChannelsWebhookForward</c>)
    /// reads it as <c>%Channels:Ingestion:DeliveryQueue%</c>. Default <c>channel-deliveries</c>.
    /// </summary>
    public string DeliveryQueue { get; set; } = "channel-deliveries";

    /// <summary>Table of seen deliveries and order versions (insert-first dedupe). Default <c>ChannelDedupe</c>.</summary>
    public string DedupeTable { get; set; } = "ChannelDedupe";

    /// <summary>Table of authentic payloads that could not be read. Default <c>ChannelQuarantine</c>.</summary>
    public string QuarantineTable { get; set; } = "ChannelQuarantine";

    /// <summary>Table of polling cursors, one row per (channel, store). Default <c>ChannelCursors</c>.</summary>
    public string CursorTable { get; set; } = "ChannelCursors";

    /// <summary>
    /// Largest age (either direction) of a signed timestamp, for schemes that sign one (generic, POS, Etsy).
    /// Default 5 minutes. An account may override it with <c>Channels:{channel}:{store}:MaxAge</c>.
    /// </summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// An order version claimed but not marked forwarded for this long is taken over and forwarded again by the next
    /// sighting (the forwarder died between claiming and queueing it). Default 10 seconds: a forward takes
    /// milliseconds, the forward function's queue retries every 5 s (host.json <c>visibilityTimeout</c>), so the
    /// takeover comes on the second or third retry, well before the fifth sends the delivery to the poison queue. A
    /// forwarder slower than this can queue a version twice; the message id is the same, and the order flow's
    /// intake treats the second as seen. Webhook deliveries no longer wait for it: a retry of one not forwarded yet
    /// is handed on again at once.
    /// </summary>
    public TimeSpan RedeliveryGrace { get; set; } = TimeSpan.FromSeconds(10);
}
