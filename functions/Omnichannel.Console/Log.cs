using Microsoft.Extensions.Logging;

namespace Omnichannel.OperationsConsole;

/// <summary>The console's log messages, source-generated with stable event ids (8000-8099).</summary>
internal static partial class Log
{
    [LoggerMessage(8000, LogLevel.Warning, "Console refused a signed-in user without the app role {Role}")]
    public static partial void OperatorRefused(ILogger logger, string role);

    [LoggerMessage(8001, LogLevel.Warning, "Console counts stopped at {Limit} flows; the answer is marked truncated")]
    public static partial void CountsTruncated(ILogger logger, int limit);
}
