using Microsoft.Extensions.Logging;

namespace Omnichannel.Durable;

/// <summary>The durable runtime's log messages, source-generated with stable event ids (2000-2999).</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "Durable dispatcher started: {Partitions} control queues with prefix '{Prefix}', inline activities {Inline}")]
    public static partial void WorkerStarted(ILogger logger, int partitions, string prefix, bool inline);

    [LoggerMessage(2001, LogLevel.Information, "Durable dispatcher disabled by Durable:EnableWorker")]
    public static partial void WorkerDisabled(ILogger logger);

    [LoggerMessage(2010, LogLevel.Warning, "Queue {Queue} could not be read")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(2011, LogLevel.Debug, "Episode of {InstanceId} lost to another worker; its messages go back to the queue")]
    public static partial void EpisodeConflict(ILogger logger, string instanceId);

    [LoggerMessage(2012, LogLevel.Warning, "Message {MessageId} of {InstanceId} failed on attempt {DequeueCount} of {MaxDequeueCount}")]
    public static partial void MessageFailed(ILogger logger, Exception exception, string messageId, string? instanceId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(2013, LogLevel.Error, "Message {MessageId} of {InstanceId} quarantined after {DequeueCount} attempts: {Error}")]
    public static partial void MessageQuarantined(ILogger logger, string messageId, string? instanceId, long dequeueCount, string error);

    [LoggerMessage(2014, LogLevel.Warning, "Could not return or delete message {MessageId}")]
    public static partial void MessageCleanupFailed(ILogger logger, Exception exception, string messageId);
}
