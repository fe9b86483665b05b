using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Omnichannel.Hosting.Http;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Functions.Diagnostics;

/// <summary>
/// The worker's one error path for HTTP functions, as the local host's exception handler is for it: anything
/// unhandled answers problem+json 500 with the invocation's correlation id, never a stack trace (503 with
/// <c>Retry-After</c> when storage is unreachable, <see cref="StorageOutage"/>); other triggers
/// rethrow so the host retries and poisons as it should. Every HTTP answer carries <c>x-correlation-id</c> (the
/// caller's, when it sent a sane one), and everything the invocation logs carries it in its scope.
/// </summary>
internal sealed partial class ProblemDetailsMiddleware(ILogger<ProblemDetailsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public const string CorrelationHeader = Omnichannel.Hosting.Http.CorrelationId.Header;

    private static readonly Func<ILogger, string, IDisposable?> Scope = LoggerMessage.DefineScope<string>("correlation {CorrelationId}");

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }

        var incoming = http.Request.Headers[CorrelationHeader].ToString();
        var correlationId = Omnichannel.Hosting.Http.CorrelationId.IsSane(incoming) ? incoming : context.InvocationId;
        http.Response.Headers[CorrelationHeader] = correlationId;
        using var scope = Scope(logger, correlationId);
        try
        {
            await next(context);
        }
#pragma warning disable CA1031 // The one error path: every failure of an HTTP function becomes a problem answer.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var outage = StorageOutage.Is(e);
            if (outage)
            {
                StorageUnavailable(logger, e, context.FunctionDefinition.Name, correlationId);
            }
            else
            {
                Unhandled(logger, e, context.FunctionDefinition.Name, correlationId);
            }

            if (http.Response.HasStarted)
            {
                return;
            }

            if (outage)
            {
                http.Response.Headers.RetryAfter = StorageOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var problem = TypedResults.Problem(
                detail: outage ? StorageProblem.Detail : "The hub could not complete the request; quote the correlation id to operations.",
                statusCode: outage ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
                title: outage ? StorageProblem.Title : "Internal error",
                extensions: new Dictionary<string, object?> { ["correlationId"] = correlationId });
            await problem.ExecuteAsync(http);
        }
    }

    [LoggerMessage(1101, LogLevel.Warning, "Function {Function}: storage unavailable, answered 503 (correlation {CorrelationId})")]
    private static partial void StorageUnavailable(ILogger logger, Exception exception, string function, string correlationId);

    [LoggerMessage(1100, LogLevel.Error, "Function {Function} failed (correlation {CorrelationId})")]
    private static partial void Unhandled(ILogger logger, Exception exception, string function, string correlationId);
}
