namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// Refused unauthenticated webhook requests (no account, bad or missing signature, too large, bad route): each is
/// counted in <see cref="ChannelMetrics.RefusedName"/>, and logged aggregated per source address and minute: the
/// first refusal of a source in a minute is one warning at once, the rest of that minute one summary line when it
/// ends. A flood of refused requests therefore writes about two lines per source and minute, and at most
/// <see cref="MaxSourcesPerMinute"/> sources are told apart in a minute (the others are summed as <c>other</c>).
/// </summary>
public sealed class WebhookRefusals : IDisposable
{
    /// <summary>Sources told apart per minute; more are summed as <c>other</c>, so a spoofed flood cannot grow memory or the log.</summary>
    public const int MaxSourcesPerMinute = 100;

    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly ChannelMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookRefusals> _logger;
    private readonly ITimer _timer;
    private Dictionary<string, Tally> _minute = new(StringComparer.Ordinal);
    private DateTimeOffset _since;

    public WebhookRefusals(ChannelMetrics metrics, TimeProvider time, ILogger<WebhookRefusals> logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        (_metrics, _time, _logger) = (metrics, time, logger);
        _since = time.GetUtcNow();
        _timer = time.CreateTimer(_ => Flush(), null, Period, Period);
    }

    /// <summary>Counts a refusal and logs it if it is the source's first in this minute.</summary>
    /// <param name="channel">Channel of the route, or <c>other</c> when it names no configured channel.</param>
    /// <param name="source">Remote address.</param>
    /// <param name="reason">Short reason code, e.g. <c>invalid-signature</c>.</param>
    /// <param name="detail">What was wrong, for the first line (never a secret or the payload).</param>
    public void Refuse(string channel, string source, string reason, string detail)
    {
        _metrics.Refused(channel, reason);
        bool first;
        lock (_gate)
        {
            if (!_minute.TryGetValue(source, out var tally))
            {
                source = _minute.Count < MaxSourcesPerMinute ? source : "other";
                tally = _minute.TryGetValue(source, out var other) ? other : _minute[source] = new Tally();
            }

            first = tally.Count == 0;
            tally.Add(reason);
        }

        if (first)
        {
            Log.WebhookRefused(_logger, source, channel, reason, detail);
        }
    }

    /// <summary>Writes the summary of the minute that ended (called by the timer every minute).</summary>
    public void Flush()
    {
        Dictionary<string, Tally> ended;
        DateTimeOffset since;
        lock (_gate)
        {
            (ended, since) = (_minute, _since);
            _minute = new Dictionary<string, Tally>(StringComparer.Ordinal);
            _since = _time.GetUtcNow();
        }

        foreach (var (source, tally) in ended.Where(t => t.Value.Count > 1))
        {
            var reasons = string.Join(", ", tally.Reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"));
            Log.WebhookRefusedSummary(_logger, tally.Count, source, since, reasons);
        }
    }

    public void Dispose() => _timer.Dispose();

    private sealed class Tally
    {
        public int Count { get; private set; }

        public Dictionary<string, int> Reasons { get; } = new(StringComparer.Ordinal);

        public void Add(string reason)
        {
            Count++;
            Reasons[reason] = Reasons.GetValueOrDefault(reason) + 1;
        }
    }
}
