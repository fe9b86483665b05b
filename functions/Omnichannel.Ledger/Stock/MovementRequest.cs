using Omnichannel.Hosting.Validation;

namespace Omnichannel.Ledger.Stock;

/// <summary>The body of <c>POST /api/stock/movements</c>.</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Kind">receipt, expect, adjustment, count, posSale, reserve, release, ship, return, transferOut, transferIn (case and '-'/'_' ignored).</param>
/// <param name="Location">Where; the source of a transfer out, the destination of a transfer in.</param>
/// <param name="ToLocation">Destination of a transfer out.</param>
/// <param name="FromLocation">Source of a transfer in (informational).</param>
/// <param name="Quantity">Units: positive; signed for an adjustment; the counted units (0 or more) for a count.</param>
/// <param name="IdempotencyKey">The caller's key (e.g. order and line id); a repeat returns the first result.</param>
/// <param name="Reason">Why; required for an adjustment.</param>
/// <param name="Condition">For a return: sellable (default) or damaged.</param>
/// <param name="UnitPrice">Price per unit of a sale, shipment or return, for the sales report.</param>
/// <param name="Source">Channel, order and user behind it.</param>
public sealed record MovementRequest(
    string? Sku = null,
    string? Kind = null,
    string? Location = null,
    int? Quantity = null,
    string? IdempotencyKey = null,
    string? ToLocation = null,
    string? FromLocation = null,
    string? Reason = null,
    string? Condition = null,
    decimal? UnitPrice = null,
    MovementSource? Source = null)
{
    public const int MaxQuantity = 1_000_000_000;

    public MovementCommand? Validate(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var sku = errors.Id("sku", Sku);
        var location = errors.Id("location", Location);
        var key = errors.Required("idempotencyKey", IdempotencyKey, 200);
        MovementKind kind = default;
        var kindText = errors.Required("kind", Kind, 50);
        var kindKnown = kindText is not null && Enum.TryParse(Normalize(kindText), ignoreCase: true, out kind) && Enum.IsDefined(kind);
        if (kindText is not null && !kindKnown)
        {
            errors.Add("kind", $"'kind' must be one of: {string.Join(", ", Enum.GetNames<MovementKind>())}.");
        }

        if (Quantity is not { } q)
        {
            errors.Add("quantity", "'quantity' is required.");
        }
        else if (kindKnown)
        {
            var (min, rule) = kind switch
            {
                MovementKind.Count => (0, "0 or more"),
                MovementKind.Adjustment => (-MaxQuantity, "non-zero"),
                _ => (1, "positive"),
            };
            if (q < min || q > MaxQuantity || (kind == MovementKind.Adjustment && q == 0))
            {
                errors.Add("quantity", $"'quantity' must be {rule} for {kind} (at most {MaxQuantity}).");
            }
        }

        var reason = errors.Optional("reason", Reason, 500, freeText: true);
        if (kindKnown && kind == MovementKind.Adjustment && reason is null)
        {
            errors.Add("reason", "'reason' is required for an adjustment.");
        }

        ReturnCondition? condition = null;
        if (errors.Optional("condition", Condition, 20) is { } c)
        {
            condition = Enum.TryParse<ReturnCondition>(c, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
            if (condition is null)
            {
                errors.Add("condition", "'condition' must be sellable or damaged.");
            }
        }

        var other = kindKnown && kind == MovementKind.TransferOut ? errors.Id("toLocation", ToLocation) : errors.Optional("fromLocation", FromLocation, 100);
        if (kindKnown && kind == MovementKind.TransferOut && other is not null && other == location)
        {
            errors.Add("toLocation", "'toLocation' must differ from 'location'.");
        }

        if (UnitPrice is < 0)
        {
            errors.Add("unitPrice", "'unitPrice' must not be negative.");
        }

        var source = Source is null ? null : new MovementSource(errors.Optional("source.channel", Source.Channel, 50)?.ToLowerInvariant(), errors.Optional("source.orderId", Source.OrderId), errors.Optional("source.user", Source.User));
        if (errors.Any)
        {
            return null;
        }

        return new MovementCommand(
            sku!, kind, location!, Quantity!.Value, key!, source, other, reason,
            kind == MovementKind.Return ? condition ?? ReturnCondition.Sellable : null, UnitPrice);
    }

    private static string Normalize(string kind) => kind.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
}
