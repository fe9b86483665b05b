using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Http;

/// <summary>The ledger's problem+json answers.</summary>
internal static class LedgerProblems
{
    public static ValidationProblem Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: errors.ToString(), title: "The request is not valid.");

    /// <summary>A 400 naming <paramref name="field"/> and the <c>SafeId</c> rule when a route or query id breaks it (checked before any storage call), else null.</summary>
    public static ValidationProblem? BadId(string field, string? value, int maxLength = Omnichannel.Hosting.Validation.SafeId.DefaultMaxLength)
    {
        var errors = new FieldErrors();
        errors.Id(field, value, maxLength);
        return errors.Any ? Invalid(errors) : null;
    }

    public static ValidationProblem Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    public static ProblemHttpResult NotFound(string detail, string? sku = null, string? location = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found", extensions: new Dictionary<string, object?> { ["sku"] = sku, ["location"] = location });

    /// <summary>404 for unknown SKU or location, 409 for a shortfall (with its figures), 422 for a reused idempotency key.</summary>
    public static ProblemHttpResult Refused(LedgerRejection r)
    {
        var status = r.Reason switch
        {
            RejectionReason.UnknownSku or RejectionReason.UnknownLocation => StatusCodes.Status404NotFound,
            RejectionReason.IdempotencyKeyReused => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status409Conflict,
        };
        var extensions = new Dictionary<string, object?>
        {
            ["reason"] = r.Reason.ToString(),
            ["sku"] = r.Sku,
            ["location"] = r.Location,
        };
        if (r.Shortfall is not null)
        {
            extensions["requested"] = r.Requested;
            extensions["available"] = r.Available;
            extensions["shortfall"] = r.Shortfall;
        }

        return TypedResults.Problem(r.Message, statusCode: status, title: status == StatusCodes.Status404NotFound ? "Not found" : "Movement refused", extensions: extensions);
    }

    /// <summary>Checks an optional page size (default 50, 1-1000).</summary>
    public static bool TryPageSize(int? pageSize, out int size, out ValidationProblem? problem)
    {
        size = pageSize ?? 50;
        problem = size is < 1 or > 1000 ? Invalid("pageSize", "'pageSize' must be between 1 and 1000.") : null;
        return problem is null;
    }
}
