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

    [LoggerMessage(5010, LogLevel.Warning, "Order alert {Kind} for {OrderId}: {Detail}")]
    public static partial void Alert(ILogger logger, string kind, string orderId, string detail);

    [LoggerMessage(5020, LogLevel.Information, "Order {OrderId}: fulfilment requested at {Location} by {Mode}")]
    public static partial void FulfilmentRequested(ILogger logger, string orderId, string location, string mode);

    [LoggerMessage(5021, LogLevel.Information, "Order {OrderId}: tracking {Carrier} reported to {Channel} (key {Key})")]
    public static partial void TrackingReported(ILogger logger, string orderId, string channel, string carrier, string key);

    [LoggerMessage(5030, LogLevel.Information, "Demo data seeded: {Products} products, {Locations} locations")]
    public static partial void DemoSeeded(ILogger logger, int products, int locations);

    [LoggerMessage(5040, LogLevel.Information, "Order {OrderId}: stock of {Sku} changed, backorder woken")]
    public static partial void BackorderWoken(ILogger logger, string orderId, string sku);

    [LoggerMessage(5041, LogLevel.Warning, "Stock-changed message {MessageId} is not handled: {Reason}")]
    public static partial void StockChangeSkipped(ILogger logger, string messageId, string reason);
}
