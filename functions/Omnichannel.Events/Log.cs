using Microsoft.Extensions.Logging;

namespace Omnichannel.Events;

/// <summary>The events feature's log messages, source-generated with stable event ids (7000-7999).</summary>
internal static partial class Log
{
    [LoggerMessage(7000, LogLevel.Debug, "Delivered {Events} event(s) of {Rows} outbox row(s) of {Partition}")]
    public static partial void Delivered(ILogger logger, int events, int rows, string partition);

    [LoggerMessage(7001, LogLevel.Debug, "Another dispatcher claimed the outbox rows of {Partition} first")]
    public static partial void ClaimLost(ILogger logger, string partition);

    [LoggerMessage(7010, LogLevel.Warning, "Destination {Destination} failed for {Partition} ({Failures} failure(s) in a row): {Error}")]
    public static partial void DestinationFailed(ILogger logger, string destination, string partition, int failures, string error);

    [LoggerMessage(7011, LogLevel.Error, "Destination {Destination} is paused after {Failures} failures in a row; its events are skipped until it is resumed")]
    public static partial void DestinationPaused(ILogger logger, string destination, int failures);

    [LoggerMessage(7012, LogLevel.Information, "Destination {Destination} delivers again after {Failures} failure(s)")]
    public static partial void DestinationRecovered(ILogger logger, string destination, int failures);

    [LoggerMessage(7020, LogLevel.Warning, "Prompt dispatch of {Partition} failed; the sweep delivers it: {Error}")]
    public static partial void PromptDispatchFailed(ILogger logger, string partition, string error);

    [LoggerMessage(7021, LogLevel.Warning, "Sweep of {Source} partition {Partition} failed: {Error}")]
    public static partial void SweepPartitionFailed(ILogger logger, string source, string partition, string error);

    [LoggerMessage(7022, LogLevel.Information, "Sweep delivered {Rows} outbox row(s)")]
    public static partial void Swept(ILogger logger, int rows);
}
