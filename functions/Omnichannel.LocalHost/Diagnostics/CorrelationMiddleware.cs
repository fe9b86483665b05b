namespace Omnichannel.LocalHost.Diagnostics;

/// <summary>
/// Gives each request a correlation id (the caller's <c>x-correlation-id</c> when it sends a sane one),
/// echoes it in the response and puts it in the logging scope of everything the request logs.
/// </summary>
internal sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public const string Header = Omnichannel.Hosting.Http.CorrelationId.Header;

    private static readonly Func<ILogger, string, IDisposable?> Scope = LoggerMessage.DefineScope<string>("correlation {CorrelationId}");

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = Omnichannel.Hosting.Http.CorrelationId.IsSane(incoming) ? incoming : context.TraceIdentifier;
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        using (Scope(logger, id))
        {
            await next(context);
        }
    }
}
