namespace Omnichannel.LocalHost.Durable;

internal static partial class DurableLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Local durable engine started on task hub {HubName} ({Orchestrators} orchestrators, {Activities} activities)")]
    public static partial void Started(ILogger logger, string hubName, int orchestrators, int activities);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Local durable engine could not start on task hub {HubName}; retrying in {Delay}")]
    public static partial void StartFailed(ILogger logger, Exception exception, string hubName, TimeSpan delay);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Local durable engine stopped on task hub {HubName}")]
    public static partial void Stopped(ILogger logger, string hubName);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Local durable engine did not stop cleanly on task hub {HubName}")]
    public static partial void StopFailed(ILogger logger, Exception exception, string hubName);
}
