using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Hosting.Http;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger.Http;

/// <summary>The ledger's own problem+json answers, built with <see cref="Problems"/>.</summary>
internal static class LedgerProblems
{
    /// <summary>404 for an unknown SKU, with the <c>sku</c> extension the ledger's answers carry.</summary>
    public static ProblemHttpResult UnknownSku(string sku) =>
        Problems.NotFound("SKU", sku, extensions: Extensions(null, sku, null));

    /// <summary>404 for an unknown SKU or location, 409 for a shortfall (with its figures), 422 for a reused idempotency key.</summary>
    public static ProblemHttpResult Refused(LedgerRejection r)
    {
        var extensions = Extensions(r.Reason, r.Sku, r.Location);
        if (r.Shortfall is not null)
        {
            extensions["requested"] = r.Requested;
            extensions["available"] = r.Available;
            extensions["shortfall"] = r.Shortfall;
        }

        return r.Reason switch
        {
            RejectionReason.UnknownSku => Problems.NotFound("SKU", r.Sku, extensions: extensions),
            RejectionReason.UnknownLocation => Problems.NotFound("location", r.Location, extensions: extensions),
            RejectionReason.IdempotencyKeyReused => Problems.Unprocessable(r.Message, extensions),
            _ => Problems.Conflict(r.Message, extensions),
        };
    }

    /// <summary>Checks an optional page size (default 50, 1-1000).</summary>
    public static bool TryPageSize(int? pageSize, out int size, out ProblemHttpResult? problem)
    {
        size = pageSize ?? 50;
        problem = size is < 1 or > 1000 ? Problems.Invalid("pageSize", "'pageSize' must be between 1 and 1000.") : null;
        return problem is null;
    }

    private static Dictionary<string, object?> Extensions(RejectionReason? reason, string? sku, string? location)
    {
        var extensions = new Dictionary<string, object?> { ["sku"] = sku, ["location"] = location };
        if (reason is { } r)
        {
            extensions["reason"] = r.ToString();
        }

        return extensions;
    }
}
