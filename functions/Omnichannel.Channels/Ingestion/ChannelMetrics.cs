using System.Diagnostics.Metrics;
using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// Counters for every ingestion outcome (meter <c>Omnichannel.Channels</c>): webhooks by channel and
/// outcome (accepted, duplicate, ignored, quarantined, rejected-missing/-invalid/-stale, unknown, oversize),
/// orders forwarded by kind, duplicates, and polls.
/// </summary>
public sealed class ChannelMetrics
{
    public const string MeterName = "Omnichannel.Channels";

    /// <summary>Refused unauthenticated webhook requests, tags <c>channel</c> and <c>reason</c> (see <see cref="WebhookRefusals"/>).</summary>
    public const string RefusedName = "omnichannel.channels.webhooks.refused";

    private readonly Counter<long> _webhooks;
    private readonly Counter<long> _orders;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _polls;
    private readonly Counter<long> _refused;

    public ChannelMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _webhooks = meter.CreateCounter<long>("omnichannel.channels.webhooks", description: "Webhook requests by channel and outcome.");
        _orders = meter.CreateCounter<long>("omnichannel.channels.orders.forwarded", description: "Order messages queued, by channel and kind.");
        _duplicates = meter.CreateCounter<long>("omnichannel.channels.orders.duplicates", description: "Order versions seen again and not forwarded.");
        _polls = meter.CreateCounter<long>("omnichannel.channels.polls", description: "Polling runs by channel and outcome.");
        _refused = meter.CreateCounter<long>(RefusedName, description: "Webhook requests refused before authentication succeeded, by channel and reason.");
    }

    public void Webhook(string channel, string outcome) =>
        _webhooks.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));

    public void OrderForwarded(string channel, OrderEventKind kind) =>
        _orders.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("kind", kind.ToString()));

    public void OrderDuplicate(string channel) =>
        _duplicates.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>
    /// One refused webhook request. Tagged by channel (the route's, or <c>other</c> when it names no configured
    /// channel) and reason, not by the caller's address: an attacker choosing addresses must not choose the
    /// metric's cardinality. The address is in the aggregated log line.
    /// </summary>
    public void Refused(string channel, string reason) =>
        _refused.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("reason", reason));

    public void Poll(string channel, string outcome) =>
        _polls.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));
}
