using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Functions.Diagnostics;

/// <summary>
/// The worker's one error path for HTTP functions, as the local host's exception handler is for it: anything
/// unhandled answers problem+json 500 with the invocation's correlation id, never a stack trace; other triggers
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
            Unhandled(logger, e, context.FunctionDefinition.Name, correlationId);
            if (http.Response.HasStarted)
            {
                return;
            }

            var problem = TypedResults.Problem(
                detail: "The hub could not complete the request; quote the correlation id to operations.",
                statusCode: StatusCodes.Status500InternalServerError,
                title: "Internal error",
                extensions: new Dictionary<string, object?> { ["correlationId"] = correlationId });
            await problem.ExecuteAsync(http);
        }
    }

    [LoggerMessage(1100, LogLevel.Error, "Function {Function} failed (correlation {CorrelationId})")]
    private static partial void Unhandled(ILogger logger, Exception exception, string function, string correlationId);
}
