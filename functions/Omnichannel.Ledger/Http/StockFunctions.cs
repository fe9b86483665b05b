using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Omnichannel.Hosting.Http;
using Omnichannel.Hosting.Validation;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Ledger.Http;

/// <summary>Stock reads and movements: <c>/api/stock/...</c>.</summary>
public sealed class StockFunctions(StockReader reader, StockLedger ledger)
{
    public const int MaxBatch = 100;

    [Function("LedgerStockGet")]
    public async Task<Results<Ok<StockView>, ProblemHttpResult>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "stock/{sku}")] HttpRequest request, string sku, CancellationToken cancellationToken)
    {
        if (Problems.BadId("sku", sku) is { } bad)
        {
            return bad;
        }

        return await reader.GetAsync(sku, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : LedgerProblems.UnknownSku(sku);
    }

    [Function("LedgerStockQuery")]
    public async Task<Results<Ok<StockQueryResult>, ProblemHttpResult>> QueryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "stock/query")] HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await HttpBody.ReadAsync<StockQuery>(request, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed;
        }

        var skus = body.Value?.Skus?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (skus is not { Count: > 0 } || skus.Count > MaxBatch)
        {
            return Problems.Invalid("skus", $"'skus' must list 1 to {MaxBatch} SKUs.");
        }

        if (skus.FirstOrDefault(s => !Omnichannel.Hosting.Validation.SafeId.IsValid(s)) is not null)
        {
            return Problems.Invalid("skus", Omnichannel.Hosting.Validation.SafeId.Rule("skus"));
        }

        var views = await reader.GetManyAsync(skus, cancellationToken);
        var found = views.Select(v => v.Sku).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(new StockQueryResult(views, skus.Where(s => !found.Contains(s)).ToList()));
    }

    [Function("LedgerStockMovementPost")]
    public async Task<Results<Created<Movement>, Ok<Movement>, ProblemHttpResult>> PostMovementAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "stock/movements")] HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await HttpBody.ReadAsync<MovementRequest>(request, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed;
        }

        var errors = new FieldErrors();
        var command = (body.Value ?? new MovementRequest()).Validate(errors);
        if (command is null)
        {
            return Problems.Invalid(errors);
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

    [Function("LedgerStockMovementsList")]
    public async Task<Results<Ok<Page<Movement>>, ProblemHttpResult>> GetMovementsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "stock/{sku}/movements")] HttpRequest request, string sku, CancellationToken cancellationToken)
    {
        if (Problems.BadId("sku", sku) is { } bad)
        {
            return bad;
        }

        if (!HttpQuery.TryInt(request, "pageSize", out var pageSize, out var badQuery))
        {
            return badQuery!;
        }

        if (!LedgerProblems.TryPageSize(pageSize, out var size, out var problem))
        {
            return problem!;
        }

        var continuationToken = HttpQuery.String(request, "continuationToken");
        return await reader.GetMovementsAsync(sku, size, string.IsNullOrEmpty(continuationToken) ? null : continuationToken, cancellationToken) is { } page
            ? TypedResults.Ok(page)
            : LedgerProblems.UnknownSku(sku);
    }
}

/// <summary>The body of <c>POST /api/stock/query</c>.</summary>
public sealed record StockQuery(IReadOnlyList<string>? Skus);

/// <summary>Stock of the SKUs found, and the SKUs that are not in the catalogue.</summary>
public sealed record StockQueryResult(IReadOnlyList<StockView> Items, IReadOnlyList<string> Unknown);
