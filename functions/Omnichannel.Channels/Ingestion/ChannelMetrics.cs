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

    private readonly Counter<long> _webhooks;
    private readonly Counter<long> _orders;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _polls;

    public ChannelMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _webhooks = meter.CreateCounter<long>("omnichannel.channels.webhooks", description: "Webhook requests by channel and outcome.");
        _orders = meter.CreateCounter<long>("omnichannel.channels.orders.forwarded", description: "Order messages queued, by channel and kind.");
        _duplicates = meter.CreateCounter<long>("omnichannel.channels.orders.duplicates", description: "Order versions seen again and not forwarded.");
        _polls = meter.CreateCounter<long>("omnichannel.channels.polls", description: "Polling runs by channel and outcome.");
    }

    public void Webhook(string channel, string outcome) =>
        _webhooks.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));

    public void OrderForwarded(string channel, OrderEventKind kind) =>
        _orders.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("kind", kind.ToString()));

    public void OrderDuplicate(string channel) =>
        _duplicates.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void Poll(string channel, string outcome) =>
        _polls.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));
}
