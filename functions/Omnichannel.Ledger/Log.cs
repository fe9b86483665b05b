using Microsoft.Extensions.Logging;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger;

/// <summary>The ledger's log messages, source-generated with stable event ids (3000-3999).</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Debug, "Recorded {Kind} of {Quantity} for {Sku} at {Location} (sequence {Sequence})")]
    public static partial void MovementRecorded(ILogger logger, string sku, MovementKind kind, string location, int quantity, long sequence);

    [LoggerMessage(3001, LogLevel.Information, "Refused a movement of {Sku}: {Reason}: {Detail}")]
    public static partial void MovementRefused(ILogger logger, string sku, RejectionReason reason, string detail);

    [LoggerMessage(3010, LogLevel.Information, "Alert webhook at {Host} accepted message {MessageId}")]
    public static partial void WebhookDelivered(ILogger logger, string host, string messageId);

    [LoggerMessage(3011, LogLevel.Warning, "Alert webhook at {Host} answered {Status} (attempt {DequeueCount})")]
    public static partial void WebhookFailed(ILogger logger, string host, int status, long dequeueCount);

    [LoggerMessage(3012, LogLevel.Warning, "Alert webhook message {MessageId} arrived but no webhook is configured; it is kept for the poison queue")]
    public static partial void WebhookNotConfigured(ILogger logger, string messageId);

    [LoggerMessage(3020, LogLevel.Information, "Import of {Kind}: {Applied} rows applied, {Failed} refused")]
    public static partial void Imported(ILogger logger, string kind, int applied, int failed);
}
