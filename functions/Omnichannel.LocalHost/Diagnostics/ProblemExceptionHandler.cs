using Microsoft.AspNetCore.Diagnostics;
using Omnichannel.Hosting.Http;
using Omnichannel.Storage.Errors;

namespace Omnichannel.LocalHost.Diagnostics;

/// <summary>
/// The one error path: anything unhandled becomes problem+json 500 with the correlation id, never a stack
/// trace; a request body the framework could not read (bad JSON, wrong types) becomes 400; storage unreachable
/// (<see cref="StorageOutage"/>) becomes 503 with <c>Retry-After</c>, so a channel retries instead of giving up.
/// </summary>
internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", FirstLine(bad.Message)),
            _ when StorageOutage.Is(exception) => (StatusCodes.Status503ServiceUnavailable, StorageProblem.Title, StorageProblem.Detail),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "The hub could not complete the request; quote the correlation id to operations."),
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Log.StorageUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
            httpContext.Response.Headers.RetryAfter = StorageOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (status >= 500)
        {
            Log.Unhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
        }

        var problem = TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?> { ["correlationId"] = httpContext.TraceIdentifier });
        await ((IResult)problem).ExecuteAsync(httpContext);
        return true;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
