using Microsoft.Extensions.Options;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Storage;

namespace Omnichannel.Channels.Polling;

/// <summary>
/// Polls one account: reads its cursor, asks the poller for every page since (minus the overlap), archives
/// each page, forwards its orders through the same intake as webhooks (so overlap and webhook+poll are
/// deduped), and only then moves the cursor. A crash midway leaves the cursor where it was: the next run
/// reads the same window again and loses nothing.
/// </summary>
public sealed class PollingRunner(
    PollCursorStore cursors,
    WebhookArchiveStore archive,
    QuarantineStore quarantine,
    OrderIntake intake,
    IHttpClientFactory http,
    IOptions<PollingOptions> options,
    ChannelMetrics metrics,
    TimeProvider time,
    ILogger<PollingRunner> logger)
{
    /// <returns>Orders forwarded (new, updated or cancelled).</returns>
    public async Task<int> PollAsync(ChannelAccount account, IOrderPoller poller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(poller);
        var (cursor, etag) = await cursors.ReadAsync(account.Channel, account.Store, cancellationToken);
        var window = Window(cursor, time.GetUtcNow(), options.Value);
        var request = ChannelRequest.For(account, http, time, cancellationToken);
        var next = new PollCursor(window.To, cursor?.Token);
        int read = 0, forwarded = 0;
        try
        {
            await foreach (var page in poller.PollAsync(request, window, cancellationToken))
            {
                var receivedAt = time.GetUtcNow();
                var blob = await archive.WriteAsync(new ArchivedPayload(account.Channel, account.Store, ArchivedPayload.FromPoll, receivedAt, page.Url, HeaderMap.Empty, page.Body), cancellationToken);
                foreach (var order in page.Orders)
                {
                    read++;
                    // In progress elsewhere: the next poll's overlap reads it again and finds it forwarded or stalled.
                    if ((await intake.ForwardAsync(order, blob, null, receivedAt, keepMappedOrder: true, cancellationToken)).Outcome is ClaimOutcome.New or ClaimOutcome.Stalled)
                    {
                        forwarded++;
                    }
                }

                foreach (var reason in page.Unreadable)
                {
                    await quarantine.AddAsync(new QuarantinedPayload(account.Channel, account.Store, receivedAt, blob, null, reason), cancellationToken);
                }

                next = page.Next;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.Poll(account.Channel, "failed");
            Log.PollFailed(logger, e, account.Channel, account.Store, cursor?.Time);
            throw;
        }

        await cursors.TrySaveAsync(account.Channel, account.Store, next, etag, cancellationToken);
        metrics.Poll(account.Channel, "ok");
        Log.Polled(logger, account.Channel, account.Store, window.From, window.To, read, forwarded);
        return forwarded;
    }

    /// <summary>The window to read: from the cursor minus the overlap (or the initial lookback) to now minus the settle delay.</summary>
    public static PollWindow Window(PollCursor? cursor, DateTimeOffset now, PollingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var to = now - options.SettleDelay;
        var from = cursor?.Time is { } last ? last - options.Overlap : to - options.InitialLookback;
        return new PollWindow(from < to ? from : to, to, cursor?.Token);
    }
}
