using Omnichannel.Hosting.Health;
using Omnichannel.Storage.Errors;

namespace Omnichannel.LocalHost.Diagnostics;

/// <summary>The host's log messages, source-generated with stable event ids (1000-1999).</summary>
internal static partial class Log
{
    /// <summary>The logging scope of one timer or queue invocation: its function and a correlation id.</summary>
    public static readonly Func<ILogger, string, string, IDisposable?> InvocationScope =
        LoggerMessage.DefineScope<string, string>("{FunctionName} correlation {CorrelationId}");

    [LoggerMessage(1000, LogLevel.Information, "Hub started on {Urls}; storage {Storage}; {FunctionCount} functions")]
    public static partial void Started(ILogger logger, string urls, string storage, int functionCount);

    [LoggerMessage(1001, LogLevel.Information, "Started Azurite on 127.0.0.1:{BlobPort}-{TablePort} with data in {DataFolder}")]
    public static partial void EmulatorStarted(ILogger logger, int blobPort, int tablePort, string dataFolder);

    [LoggerMessage(1002, LogLevel.Information, "Using the storage emulator already listening on 127.0.0.1:{BlobPort}-{TablePort}")]
    public static partial void EmulatorFound(ILogger logger, int blobPort, int tablePort);

    [LoggerMessage(1010, LogLevel.Warning, "Refused {Method} {Path}: {Reason}")]
    public static partial void KeyRefused(ILogger logger, string method, string path, string reason);

    [LoggerMessage(1020, LogLevel.Information, "Timer {Function} running for tick {Tick:o} (past due: {IsPastDue})")]
    public static partial void TimerRunning(ILogger logger, string function, DateTimeOffset tick, bool isPastDue);

    [LoggerMessage(1021, LogLevel.Debug, "Timer {Function} tick {Tick:o} skipped: {Reason}")]
    public static partial void TimerSkipped(ILogger logger, string function, DateTimeOffset tick, string reason);

    [LoggerMessage(1022, LogLevel.Error, "Timer {Function} failed for tick {Tick:o}")]
    public static partial void TimerFailed(ILogger logger, Exception exception, string function, DateTimeOffset tick);

    [LoggerMessage(1030, LogLevel.Warning, "Queue {Function} message {MessageId} failed on attempt {DequeueCount} of {MaxDequeueCount}")]
    public static partial void MessageFailed(ILogger logger, Exception exception, string function, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(1031, LogLevel.Error, "Queue {Function} message {MessageId} moved to {PoisonQueue} after {DequeueCount} attempts")]
    public static partial void MessagePoisoned(ILogger logger, string function, string messageId, string poisonQueue, long dequeueCount);

    [LoggerMessage(1032, LogLevel.Information, "Queue {Function} message {MessageId} returned to the queue on shutdown")]
    public static partial void MessageReturned(ILogger logger, string function, string messageId);

    [LoggerMessage(1033, LogLevel.Warning, "Queue {Function} could not renew message {MessageId}; another host may see it")]
    public static partial void RenewFailed(ILogger logger, Exception exception, string function, string messageId);

    [LoggerMessage(1034, LogLevel.Error, "Queue {Function} listener error; retrying")]
    public static partial void ListenerError(ILogger logger, Exception exception, string function);

    [LoggerMessage(1036, LogLevel.Error, "Trigger {Function} failed ({Error}); backing off for {Delay} and resuming")]
    private static partial void ListenerBackingOff(ILogger logger, Exception? exception, string function, string error, TimeSpan delay);

    /// <summary>A listener backs off: a storage outage in one line (it repeats every back-off), anything else with its stack.</summary>
    public static void ListenerBackingOff(ILogger logger, Exception exception, string function, TimeSpan delay) =>
        ListenerBackingOff(logger, StorageOutage.Is(exception) ? null : exception, function, TriggerHealth.Describe(exception), delay);

    [LoggerMessage(1037, LogLevel.Information, "Trigger {Function} resumed")]
    public static partial void ListenerResumed(ILogger logger, string function);

    [LoggerMessage(1038, LogLevel.Error, "Trigger {Function} failed; restarting it after {Delay}")]
    public static partial void TriggerRestarting(ILogger logger, Exception exception, string function, TimeSpan delay);

    [LoggerMessage(1040, LogLevel.Error, "Invocation of {Function} failed")]
    public static partial void InvocationFailed(ILogger logger, Exception exception, string function);

    [LoggerMessage(1051, LogLevel.Warning, "Storage unavailable on {Method} {Path} (correlation {CorrelationId}); answered 503")]
    public static partial void StorageUnavailable(ILogger logger, Exception exception, string method, string path, string correlationId);

    [LoggerMessage(1050, LogLevel.Error, "Unhandled error on {Method} {Path} (correlation {CorrelationId})")]
    public static partial void Unhandled(ILogger logger, Exception exception, string method, string path, string correlationId);

    /// <summary>The event id it had in the Orders feature, kept so log queries keep finding it.</summary>
    [LoggerMessage(5030, LogLevel.Information, "Demo data seeded: {Products} products, {Locations} locations")]
    public static partial void DemoSeeded(ILogger logger, int products, int locations);
}
