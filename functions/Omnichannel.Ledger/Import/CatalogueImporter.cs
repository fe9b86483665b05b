using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Omnichannel.Hosting.Validation;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Import;

/// <summary>What a file holds.</summary>
public enum ImportKind
{
    Products,
    Locations,
    Listings,

    /// <summary>Opening stock: sku, location, quantity (an absolute count).</summary>
    Stock,
}

/// <summary>
/// Bulk import from a spreadsheet export. Every row is validated on its own: valid rows are applied, invalid
/// ones reported with their line. Re-importing a file changes nothing: catalogue rows are upserts, and each
/// opening-stock row is a count movement whose idempotency key is the hash of the row's content, so the
/// same row is recorded once, ever (a later file with a different quantity is a new count).
/// </summary>
public sealed class CatalogueImporter(CatalogueStore catalogue, LocationStore locations, StockLedger ledger, ILogger<CatalogueImporter> logger)
{
    public const int MaxRows = 5000;
    private const int Parallelism = 8;

    public async Task<ImportResult> ImportAsync(ImportKind kind, IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new ConcurrentBag<ImportError>();
        var applied = 0;
        var unchanged = 0;
        var known = kind is ImportKind.Listings or ImportKind.Stock ? await locations.GetAllAsync(cancellationToken) : null;
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            var rowErrors = new List<ImportError>();
            var result = kind switch
            {
                ImportKind.Products => await ProductAsync(row, rowErrors, ct),
                ImportKind.Locations => await LocationAsync(row, rowErrors, ct),
                ImportKind.Listings => await ListingAsync(row, known!, rowErrors, ct),
                _ => await StockAsync(row, rowErrors, ct),
            };
            foreach (var e in rowErrors)
            {
                errors.Add(e);
            }

            if (result is not RowResult.Refused)
            {
                Interlocked.Increment(ref applied);
            }

            if (result is RowResult.Unchanged)
            {
                Interlocked.Increment(ref unchanged);
            }
        });

        Log.Imported(logger, kind.ToString(), applied, rows.Count - applied);
        return new ImportResult(kind.ToString().ToLowerInvariant(), rows.Count, applied, unchanged, errors.OrderBy(e => e.Line).ThenBy(e => e.Field, StringComparer.Ordinal).ToList());
    }

    private async Task<RowResult> ProductAsync(ImportRow row, List<ImportError> errors, CancellationToken ct)
    {
        var input = new ProductInput(
            row.Text("sku"), row.Text("title", "name"), row.Text("gtin"), row.Text("ean"), row.Text("upc"), row.Text("mpn"), row.Text("asin"), row.Text("brand"),
            row.Int("reorderPoint", errors), row.Int("safetyStock", errors));
        var product = Validated(row, errors, input.Validate);
        if (product is null)
        {
            return RowResult.Refused;
        }

        await catalogue.UpsertProductAsync(product, ct);
        return RowResult.Applied;
    }

    private async Task<RowResult> LocationAsync(ImportRow row, List<ImportError> errors, CancellationToken ct)
    {
        var input = new LocationInput(row.Text("id"), row.Text("name"), row.Text("kind"), row.Bool("shipsOnline", errors), row.Bool("pickup", errors), row.Text("fulfilledChannel"));
        var location = Validated(row, errors, input.Validate);
        if (location is null)
        {
            return RowResult.Refused;
        }

        await catalogue.UpsertLocationAsync(location, ct);
        return RowResult.Applied;
    }

    private async Task<RowResult> ListingAsync(ImportRow row, IReadOnlyDictionary<string, Location> known, List<ImportError> errors, CancellationToken ct)
    {
        var input = new ListingInput(
            row.Text("channel"), row.Text("account", "store"), row.Text("channelItemId", "itemId", "variantId"), row.Text("sellerSku"), row.Text("sku"),
            row.Int("bufferUnits", errors), row.Int("sharePercent", errors), row.List("allowedLocations"));
        var listing = Validated(row, errors, e =>
        {
            var l = input.Validate(e);
            if (l is not null)
            {
                ListingInput.CheckLocations(l, known, e);
            }

            return l;
        });
        if (listing is null)
        {
            return RowResult.Refused;
        }

        if (await catalogue.GetProductAsync(listing.Sku, ct) is null)
        {
            errors.Add(new ImportError(row.Line, "sku", $"SKU '{listing.Sku}' is not in the catalogue."));
            return RowResult.Refused;
        }

        await catalogue.UpsertListingAsync(listing, ct);
        return RowResult.Applied;
    }

    private async Task<RowResult> StockAsync(ImportRow row, List<ImportError> errors, CancellationToken ct)
    {
        var sku = row.Text("sku")?.Trim();
        var location = row.Text("location")?.Trim();
        var quantity = row.Int("quantity", errors);
        var request = new MovementRequest(sku, nameof(MovementKind.Count), location, quantity, ContentKey(sku, location, quantity), Reason: "opening stock import");
        var command = Validated(row, errors, request.Validate);
        if (command is null)
        {
            return RowResult.Refused;
        }

        var outcome = await ledger.RecordAsync(command with { Source = new MovementSource(User: "import") }, ct);
        if (outcome.Rejection is { } r)
        {
            errors.Add(new ImportError(row.Line, r.Reason == RejectionReason.UnknownLocation ? "location" : "sku", r.Message));
            return RowResult.Refused;
        }

        return outcome.Replayed ? RowResult.Unchanged : RowResult.Applied;
    }

    private static T? Validated<T>(ImportRow row, List<ImportError> errors, Func<FieldErrors, T?> validate)
        where T : class
    {
        var fieldErrors = new FieldErrors();
        var value = validate(fieldErrors);
        foreach (var (field, messages) in fieldErrors.ToDictionary())
        {
            errors.AddRange(messages.Select(m => new ImportError(row.Line, field, m)));
        }

        return errors.Count == 0 ? value : null;
    }

    private static string ContentKey(string? sku, string? location, int? quantity) =>
        "import:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sku}\n{location}\n{quantity}")))[..40];

    private enum RowResult
    {
        Applied,
        Unchanged,
        Refused,
    }
}
