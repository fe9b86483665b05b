namespace Omnichannel.Orders.Storage;

/// <summary>
/// Tells a channel something at most once under an idempotency key, whatever the retries, replays and rewinds: a
/// key already recorded is not sent again, and a report the channel accepted is recorded under its key. The one
/// way the flow reports tracking, ready-for-pickup and returns.
/// </summary>
public sealed class ReportOnce(OrderStore store, TimeProvider time)
{
    /// <param name="key">The idempotency key, also sent to channels that dedupe by key.</param>
    /// <param name="send">
    /// Sends the report and returns what the channel answered, or null when the channel has no such call (then
    /// nothing is recorded and a later attempt asks again).
    /// </param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    /// <returns>The record, new or found; null when the channel was not told.</returns>
    public async Task<ChannelReportRecord?> RunAsync(string key, Func<Task<ReportSent?>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        if (await store.GetReportAsync(key, cancellationToken) is { } recorded)
        {
            return recorded;
        }

        if (await send() is not { } sent)
        {
            return null;
        }

        var record = new ChannelReportRecord(key, sent.ChannelId, time.GetUtcNow());
        await store.RecordReportAsync(record, cancellationToken);
        return record;
    }
}

/// <summary>The channel took the report.</summary>
/// <param name="ChannelId">Its id for it, when it gives one.</param>
public sealed record ReportSent(string? ChannelId);
