using Microsoft.Extensions.Logging;

namespace Omnichannel.Orders;

/// <summary>The order flow's log messages, source-generated with stable event ids (5000-5999).</summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Information, "Order {OrderId} started from message {MessageId}")]
    public static partial void FlowStarted(ILogger logger, string orderId, string messageId);

    [LoggerMessage(5001, LogLevel.Information, "Order {OrderId}: {Kind} forwarded to the running flow")]
    public static partial void EventForwarded(ILogger logger, string orderId, string kind);

    [LoggerMessage(5002, LogLevel.Information, "Order {OrderId}: {Kind} after the flow ended ({Status})")]
    public static partial void AfterFlow(ILogger logger, string orderId, string kind, string status);

    [LoggerMessage(5008, LogLevel.Information, "Order {OrderId}: {Kind} stored for the flow about to start")]
    public static partial void StoredBeforeStart(ILogger logger, string orderId, string kind);

    [LoggerMessage(5003, LogLevel.Information, "Order {OrderId}: flow ended {Status}: {Detail}")]
    public static partial void FlowEnded(ILogger logger, string orderId, string status, string detail);

    [LoggerMessage(5004, LogLevel.Warning, "Order {OrderId}: flow failed at {Step}: {Reason}")]
    public static partial void FlowFailed(ILogger logger, string orderId, string step, string reason);

    [LoggerMessage(5005, LogLevel.Information, "Order {OrderId}: return {ReturnId} ended: {Detail}")]
    public static partial void ReturnEnded(ILogger logger, string orderId, string returnId, string detail);

    [LoggerMessage(5006, LogLevel.Warning, "Order {OrderId}: rewind is not available ({Reason}); replay starts the flow again from its input")]
    public static partial void ReplayRestarts(ILogger logger, string orderId, string reason);

    [LoggerMessage(5007, LogLevel.Information, "Order {OrderId}: the engine serves no history ({Reason}); the timeline is derived from the order store")]
    public static partial void TimelineDerived(ILogger logger, string orderId, string reason);

    [LoggerMessage(5010, LogLevel.Warning, "Order alert {Kind} for {OrderId}: {Detail}")]
    public static partial void Alert(ILogger logger, string kind, string orderId, string detail);

    [LoggerMessage(5020, LogLevel.Information, "Order {OrderId}: fulfilment requested at {Location} by {Mode}")]
    public static partial void FulfilmentRequested(ILogger logger, string orderId, string location, string mode);

    [LoggerMessage(5021, LogLevel.Information, "Order {OrderId}: tracking {Carrier} reported to {Channel} (key {Key})")]
    public static partial void TrackingReported(ILogger logger, string orderId, string channel, string carrier, string key);

    [LoggerMessage(5040, LogLevel.Information, "Order {OrderId}: stock of {Sku} changed, backorder woken")]
    public static partial void BackorderWoken(ILogger logger, string orderId, string sku);

    [LoggerMessage(5041, LogLevel.Warning, "Stock-changed message {MessageId} is not handled: {Reason}")]
    public static partial void StockChangeSkipped(ILogger logger, string messageId, string reason);

    [LoggerMessage(5042, LogLevel.Warning, "Order {OrderId}: the channel's totals do not add up ({Mismatch}); flagged totalsMismatch")]
    public static partial void TotalsMismatch(ILogger logger, string orderId, string mismatch);
}
