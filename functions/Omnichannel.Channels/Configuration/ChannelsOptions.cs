using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Channels.Configuration;

/// <summary>
/// Ingestion settings, section <c>Channels:Ingestion</c> (app settings <c>Channels__Ingestion__*</c>).
/// Storage names are settings so each test (or deployment slot) can use its own.
/// </summary>
public sealed class ChannelsOptions
{
    public const string Section = "Channels:Ingestion";

    /// <summary>Largest webhook body accepted; larger ones get 413. Default 1 MiB (1048576).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Blob container holding every authentic payload as received. Default <c>channel-webhooks</c>.</summary>
    [Required]
    public string ArchiveContainer { get; set; } = "channel-webhooks";

    /// <summary>Queue the order messages go to (the order flow reads it). Default <c>channel-orders</c>.</summary>
    [Required]
    public string OrderQueue { get; set; } = "channel-orders";

    /// <summary>Table of seen deliveries and order versions (insert-first dedupe). Default <c>ChannelDedupe</c>.</summary>
    [Required]
    public string DedupeTable { get; set; } = "ChannelDedupe";

    /// <summary>Table of authentic payloads that could not be read. Default <c>ChannelQuarantine</c>.</summary>
    [Required]
    public string QuarantineTable { get; set; } = "ChannelQuarantine";

    /// <summary>Table of polling cursors, one row per (channel, store). Default <c>ChannelCursors</c>.</summary>
    [Required]
    public string CursorTable { get; set; } = "ChannelCursors";

    /// <summary>
    /// Largest age (either direction) of a signed timestamp, for schemes that sign one (generic, POS, Etsy).
    /// Default 5 minutes. An account may override it with <c>Channels:{channel}:{store}:MaxAge</c>.
    /// </summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A delivery recorded but not marked forwarded for this long is forwarded again when the channel
    /// retries (the previous attempt crashed between recording and queueing). Default 2 minutes.
    /// </summary>
    public TimeSpan RedeliveryGrace { get; set; } = TimeSpan.FromMinutes(2);
}
