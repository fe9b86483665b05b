namespace Omnichannel.Ledger.Stock;

/// <summary>What a committed movement sends to the stock-changed queues after its commit.</summary>
public enum ChangeNotice
{
    /// <summary>Nothing: a message already sent or due covers it.</summary>
    None,

    /// <summary>A message visible at once (leading edge: the first change of a SKU in a while).</summary>
    Now,

    /// <summary>A message visible when the window ends (trailing edge: one per window for a burst).</summary>
    AtWindowEnd,
}

/// <summary>
/// The stock-changed coalescing state of one SKU, kept on its head row (<c>ChangedWindowEnd</c>,
/// <c>ChangedTrailing</c>) and so decided under the head's ETag, whichever host writes: a lone change goes at once
/// and opens a window; the first change inside it schedules one trailing message for the window's end; later
/// ones send nothing. A change after the trailing message fired but within one more window schedules the next
/// trailing message (a steady burst yields one message per window); after that the next change is leading again.
/// A consumer reads the current figures when it handles a message, so a message covers every change committed
/// before it is handled.
/// </summary>
/// <param name="End">When the current window ends; null before the first change.</param>
/// <param name="Trailing">Whether a trailing message is due at <paramref name="End"/>.</param>
internal readonly record struct ChangeWindow(DateTimeOffset? End, bool Trailing)
{
    /// <summary>
    /// A change relies on a trailing message another writer scheduled only if it is decided this long before
    /// the window ends (a fifth of the window, at most 1 s): its commit must land before the message is handled,
    /// across hosts whose clocks differ a little. Later changes schedule the next window's message.
    /// </summary>
    public static TimeSpan Guard(TimeSpan window) => window / 5 < TimeSpan.FromSeconds(1) ? window / 5 : TimeSpan.FromSeconds(1);

    /// <summary>What a change decided at <paramref name="now"/> sends, and the state it leaves.</summary>
    public (ChangeNotice Notice, ChangeWindow Next) Decide(DateTimeOffset now, TimeSpan window)
    {
        if (End is { } end)
        {
            if (Trailing)
            {
                var guard = Guard(window);
                if (now < end - guard)
                {
                    return (ChangeNotice.None, this);
                }

                if (now < end + window - guard)
                {
                    return (ChangeNotice.AtWindowEnd, new ChangeWindow(end + window, true));
                }
            }
            else if (now < end)
            {
                return (ChangeNotice.AtWindowEnd, new ChangeWindow(end, true));
            }
        }

        return (ChangeNotice.Now, new ChangeWindow(now + window, false));
    }
}
