using System.Text.Json;
using Omnichannel.Ledger.Configuration;

namespace Omnichannel.Ledger.Changes;

/// <summary>
/// Queue message (queue <c>Ledger:StockChangedQueue</c>, default <c>stock-changed</c>, and a copy on
/// <c>Ledger:StockChangedCopyQueue</c>, default <c>stock-changed-orders</c>; JSON camelCase, Base64 as the
/// Functions queue trigger expects) telling the channel stock sync and the order flow that a SKU's stock changed.
/// A lone change goes at once; a burst of one SKU coalesces (leading edge, then trailing): the first change sends a
/// message visible at once and opens a window of <c>Ledger:StockChangedWindow</c>; the changes inside it send one
/// more message, visible when the window ends; a steady burst sends one such message per window. So a consumer
/// must not treat it as a delta: it reads the current figures (GET /api/stock/{sku} or
/// <see cref="Stock.StockReader"/>) when it handles the message, which covers every change up to then, and the
/// last message of a burst is handled after the burst's last change was committed.
/// </summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Locations">Locations touched by the change that sent the message (others in its window may touch others).</param>
/// <param name="Sequence">Sequence of the movement that sent the message.</param>
/// <param name="ChangedAt">When that movement was recorded.</param>
/// <param name="WindowEnd">When the SKU's coalescing window ends: for a trailing message its earliest delivery.</param>
/// <param name="Trailing">False for a message visible at once (leading edge), true for one visible at <paramref name="WindowEnd"/>.</param>
public sealed record StockChanged(string Sku, IReadOnlyList<string> Locations, long Sequence, DateTimeOffset ChangedAt, DateTimeOffset WindowEnd, bool Trailing = false)
{
    /// <summary>
    /// Reads a queue message body for a consumer: the change, or why the body is not one (a consumer drops it:
    /// redelivering a malformed message would only fail again).
    /// </summary>
    public static (StockChanged? Change, string? Error) Read(string body)
    {
        try
        {
            var change = JsonSerializer.Deserialize<StockChanged>(body, LedgerJson.Options);
            return string.IsNullOrWhiteSpace(change?.Sku) ? (null, "no sku") : (change, null);
        }
        catch (JsonException e)
        {
            return (null, e.Message);
        }
    }
}
