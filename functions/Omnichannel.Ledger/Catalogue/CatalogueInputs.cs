using Omnichannel.Hosting.Validation;

namespace Omnichannel.Ledger.Catalogue;

/// <summary>A product as sent over HTTP or imported; <c>gtin</c>, <c>ean</c> and <c>upc</c> are synonyms.</summary>
public sealed record ProductInput(string? Sku = null, string? Title = null, string? Gtin = null, string? Ean = null, string? Upc = null, string? Mpn = null, string? Asin = null, string? Brand = null, int? ReorderPoint = null, int? SafetyStock = null)
{
    public Product? Validate(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var sku = errors.Id("sku", Sku);
        var title = errors.Required("title", Title, 500, freeText: true);
        var gtin = errors.Optional("gtin", Gtin ?? Ean ?? Upc, 20);
        if (gtin is not null && Identifiers.NormalizeGtin(gtin) is null)
        {
            errors.Add("gtin", "'gtin' must be a GTIN-8, UPC-A (12), EAN-13 or GTIN-14 with a valid check digit.");
        }

        var asin = errors.Optional("asin", Asin, 10);
        if (asin is not null && Identifiers.NormalizeAsin(asin) is null)
        {
            errors.Add("asin", "'asin' must be 10 letters or digits.");
        }

        errors.Range("reorderPoint", ReorderPoint, 0, 1_000_000_000);
        errors.Range("safetyStock", SafetyStock, 0, 1_000_000_000);
        return errors.Any ? null : new Product(sku!, title!, gtin, errors.Optional("mpn", Mpn), asin?.ToUpperInvariant(), errors.Optional("brand", Brand), ReorderPoint, SafetyStock ?? 0);
    }
}

/// <summary>A location as sent over HTTP or imported.</summary>
public sealed record LocationInput(string? Id = null, string? Name = null, string? Kind = null, bool? ShipsOnline = null, bool? Pickup = null, string? FulfilledChannel = null)
{
    public Location? Validate(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var id = errors.Id("id", Id);
        var name = errors.Required("name", Name, 200);
        LocationKind kind = default;
        if (errors.Required("kind", Kind) is { } k && !Enum.TryParse(k.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out kind))
        {
            errors.Add("kind", $"'kind' must be one of: {string.Join(", ", Enum.GetNames<LocationKind>())}.");
        }

        var channel = errors.Optional("fulfilledChannel", FulfilledChannel, 50)?.ToLowerInvariant();
        if (kind == LocationKind.ChannelFulfilled && channel is null)
        {
            errors.Add("fulfilledChannel", "'fulfilledChannel' is required for a channel-fulfilled location (e.g. 'amazon' for FBA).");
        }

        return errors.Any ? null : new Location(id!, name!, kind, ShipsOnline ?? kind != LocationKind.Store, Pickup ?? false, kind == LocationKind.ChannelFulfilled ? channel : null);
    }
}

/// <summary>A channel listing and its stock rule as sent over HTTP or imported.</summary>
public sealed record ListingInput(string? Channel = null, string? Account = null, string? ChannelItemId = null, string? SellerSku = null, string? Sku = null, int? BufferUnits = null, int? SharePercent = null, IReadOnlyList<string>? AllowedLocations = null)
{
    /// <summary>Checks the fields; the SKU's and locations' existence are checked against the catalogue by the caller.</summary>
    public ChannelListing? Validate(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var channel = errors.Id("channel", Channel, 50)?.ToLowerInvariant();
        var account = errors.Id("account", Account);
        var item = errors.Id("channelItemId", ChannelItemId, 200);
        var sku = errors.Id("sku", Sku);
        errors.Range("bufferUnits", BufferUnits, 0, 1_000_000_000);
        errors.Range("sharePercent", SharePercent, 0, 100);
        var allowed = AllowedLocations?.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (allowed?.FirstOrDefault(l => !SafeId.IsValid(l)) is not null)
        {
            errors.Add("allowedLocations", SafeId.Rule("allowedLocations"));
        }

        return errors.Any
            ? null
            : new ChannelListing(channel!, account!, item!, errors.Optional("sellerSku", SellerSku), sku!, new StockRule(BufferUnits ?? 0, SharePercent ?? 100, allowed is { Count: > 0 } ? allowed : null));
    }

    /// <summary>Adds errors for allowed locations that do not exist or that this channel may not sell from.</summary>
    public static void CheckLocations(ChannelListing listing, IReadOnlyDictionary<string, Location> locations, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var id in listing.Rule.AllowedLocations ?? [])
        {
            if (!locations.TryGetValue(id, out var location))
            {
                errors.Add("allowedLocations", $"Location '{id}' does not exist.");
            }
            else if (location.Kind == LocationKind.ChannelFulfilled && location.FulfilledChannel != listing.Channel)
            {
                errors.Add("allowedLocations", $"Location '{id}' is fulfilled by '{location.FulfilledChannel}' and cannot sell on '{listing.Channel}'.");
            }
        }
    }
}
