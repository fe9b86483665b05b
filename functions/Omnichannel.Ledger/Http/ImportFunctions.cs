using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Omnichannel.Hosting.Http;
using Omnichannel.Ledger.Import;

namespace Omnichannel.Ledger.Http;

/// <summary>
/// <c>POST /api/import/{kind}</c> (products, locations, listings, stock) with a CSV (<c>text/csv</c>) or JSON
/// (<c>application/json</c>) body, or <c>?format=csv|json</c>. Answers 200 with the rows applied and the
/// refused rows by line, or 400 when the file as a whole cannot be read.
/// </summary>
public sealed class ImportFunctions(CatalogueImporter importer)
{
    public const int MaxBytes = 10 * 1024 * 1024;

    [Function("LedgerCatalogueImport")]
    public async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/{kind}")] HttpRequest request, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.TryParse<ImportKind>(kind, ignoreCase: true, out var importKind) || !Enum.IsDefined(importKind))
        {
            return Problems.Invalid("kind", $"'kind' must be one of: {string.Join(", ", Enum.GetNames<ImportKind>().Select(n => n.ToLowerInvariant()))}.");
        }

        var format = HttpQuery.String(request, "format");
        var csv = (format?.ToLowerInvariant() ?? (request.ContentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true ? "csv" : "json")) switch
        {
            "csv" => true,
            "json" => false,
            _ => (bool?)null,
        };
        if (csv is null)
        {
            return Problems.Invalid("format", "'format' must be csv or json.");
        }

        if (request.ContentLength > MaxBytes)
        {
            return Problems.Invalid("body", $"The file must be at most {MaxBytes / 1024 / 1024} MB.");
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var rows = csv.Value ? CsvRows.Parse(text, out var error) : JsonRows.Parse(text, out error);
        if (error is not null)
        {
            return Problems.Invalid("body", $"Line {error.Line}: {error.Message}");
        }

        if (rows.Count > CatalogueImporter.MaxRows)
        {
            return Problems.Invalid("body", $"The file has {rows.Count} rows; split it into files of at most {CatalogueImporter.MaxRows}.");
        }

        return TypedResults.Ok(await importer.ImportAsync(importKind, rows, cancellationToken));
    }
}
