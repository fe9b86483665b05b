using Omnichannel.Channels.Model;
using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Polling;

/// <summary>
/// Reads a channel's orders changed since a cursor. Time-window pollers read
/// [<see cref="PollCursor.Time"/> minus the overlap, now minus the settle delay); event-journal pollers
/// (Allegro) continue after <see cref="PollCursor.Token"/>. Re-reading is harmless: the intake dedupes.
/// </summary>
public interface IOrderPoller
{
    /// <summary>Adapter name.</summary>
    string Adapter { get; }

    /// <summary>Every page since the cursor; the last page's <see cref="PolledPage.Next"/> becomes the new cursor.</summary>
    IAsyncEnumerable<PolledPage> PollAsync(ChannelRequest request, PollWindow window, CancellationToken cancellationToken = default);
}

/// <summary>Where a poll resumes: the end of the last completed window and/or the channel's own token.</summary>
public sealed record PollCursor(DateTimeOffset? Time, string? Token);

/// <summary>
/// What to read this run: changes in [<paramref name="From"/>, <paramref name="To"/>), or after
/// <paramref name="Token"/> for journal pollers.
/// </summary>
public sealed record PollWindow(DateTimeOffset From, DateTimeOffset To, string? Token);

/// <summary>One response (or a response with its follow-up reads), archived as received before its orders are forwarded.</summary>
/// <param name="Url">What was read.</param>
/// <param name="Body">Raw bytes as received (a poller that joins several responses archives them side by side).</param>
/// <param name="Orders">Orders mapped from it.</param>
/// <param name="Next">Cursor after this page.</param>
public sealed record PolledPage(string Url, byte[] Body, IReadOnlyList<CanonicalOrder> Orders, PollCursor Next)
{
    /// <summary>Orders in the page that could not be mapped (id or position, and why): quarantined, not lost.</summary>
    public IReadOnlyList<string> Unreadable { get; init; } = [];
}
