using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Ledger.Http;

/// <summary>Stock reads and movements: <c>/api/stock/...</c>.</summary>
internal static class StockEndpoints
{
    public const int MaxBatch = 100;

    public static IServiceCollection AddStockFunctions(this IServiceCollection services) => services
        .AddHttpFunction("StockGet", "stock/{sku}", AuthorizationLevel.Function, GetAsync, "GET")
        .AddHttpFunction("StockQuery", "stock/query", AuthorizationLevel.Function, QueryAsync, "POST")
        .AddHttpFunction("StockMovementPost", "stock/movements", AuthorizationLevel.Function, PostMovementAsync, "POST")
        .AddHttpFunction("StockMovementsGet", "stock/{sku}/movements", AuthorizationLevel.Function, GetMovementsAsync, "GET");

    internal static async Task<Results<Ok<StockView>, ProblemHttpResult>> GetAsync(string sku, StockReader reader, CancellationToken cancellationToken) =>
        await reader.GetAsync(sku, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : LedgerProblems.NotFound($"SKU '{sku}' is not in the catalogue.", sku);

    internal static async Task<Results<Ok<StockQueryResult>, ValidationProblem>> QueryAsync(StockQuery? query, StockReader reader, CancellationToken cancellationToken)
    {
        var skus = query?.Skus?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (skus is not { Count: > 0 } || skus.Count > MaxBatch)
        {
            return LedgerProblems.Invalid("skus", $"'skus' must list 1 to {MaxBatch} SKUs.");
        }

        var views = await reader.GetManyAsync(skus, cancellationToken);
        var found = views.Select(v => v.Sku).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(new StockQueryResult(views, skus.Where(s => !found.Contains(s)).ToList()));
    }

    internal static async Task<Results<Created<Movement>, Ok<Movement>, ValidationProblem, ProblemHttpResult>> PostMovementAsync(
        MovementRequest? request, StockLedger ledger, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var command = (request ?? new MovementRequest()).Validate(errors);
        if (command is null)
        {
            return LedgerProblems.Invalid(errors);
        }

        MovementOutcome outcome;
        try
        {
            outcome = await ledger.RecordAsync(command, cancellationToken);
        }
        catch (StorageException e) when (e.IsPreconditionFailed)
        {
            return TypedResults.Problem("Too many concurrent writers on this SKU; retry with the same idempotency key.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
        }

        if (outcome.Rejection is { } rejection)
        {
            return LedgerProblems.Refused(rejection);
        }

        var movement = outcome.Movement!;
        return outcome.Replayed
            ? TypedResults.Ok(movement)
            : TypedResults.Created($"/api/stock/{Uri.EscapeDataString(movement.Sku)}/movements", movement);
    }

    internal static async Task<Results<Ok<Page<Movement>>, ValidationProblem, ProblemHttpResult>> GetMovementsAsync(
        string sku, int? pageSize, string? continuationToken, StockReader reader, CancellationToken cancellationToken)
    {
        if (!LedgerProblems.TryPageSize(pageSize, out var size, out var problem))
        {
            return problem!;
        }

        return await reader.GetMovementsAsync(sku, size, string.IsNullOrEmpty(continuationToken) ? null : continuationToken, cancellationToken) is { } page
            ? TypedResults.Ok(page)
            : LedgerProblems.NotFound($"SKU '{sku}' is not in the catalogue.", sku);
    }
}

/// <summary>The body of <c>POST /api/stock/query</c>.</summary>
public sealed record StockQuery(IReadOnlyList<string>? Skus);

/// <summary>Stock of the SKUs found, and the SKUs that are not in the catalogue.</summary>
public sealed record StockQueryResult(IReadOnlyList<StockView> Items, IReadOnlyList<string> Unknown);
