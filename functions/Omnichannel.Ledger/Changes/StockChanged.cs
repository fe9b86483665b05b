using System.Text.Json;
using Omnichannel.Ledger.Configuration;

namespace Omnichannel.Ledger.Changes;

/// <summary>
/// Queue message (queue <c>Ledger:StockChangedQueue</c>, default <c>stock-changed</c>, and a copy on
/// <c>Ledger:StockChangedCopyQueue</c>, default <c>stock-changed-orders</c>; JSON camelCase, Base64 as the
/// Functions queue trigger expects) telling the channel stock sync and the order flow that a SKU's stock changed.
/// Bursts coalesce: the first change of a SKU opens a window of <c>Ledger:StockChangedWindow</c> and sends one
/// message that becomes visible when the window ends; changes inside the window send nothing. So a consumer
/// must not treat it as a delta: it reads the current figures (GET /api/stock/{sku} or
/// <see cref="Stock.StockReader"/>) when it handles the message, which covers every change up to then.
/// </summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Locations">Locations touched by the change that opened the window (later ones may touch others).</param>
/// <param name="Sequence">Sequence of the movement that opened the window.</param>
/// <param name="ChangedAt">When that movement was recorded.</param>
/// <param name="WindowEnd">When the window closes (the message's earliest delivery).</param>
public sealed record StockChanged(string Sku, IReadOnlyList<string> Locations, long Sequence, DateTimeOffset ChangedAt, DateTimeOffset WindowEnd)
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
