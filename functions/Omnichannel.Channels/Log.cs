using Omnichannel.Channels.Model;

namespace Omnichannel.Channels;

/// <summary>The channels feature's log messages (event ids 4000-4999). No payloads, no secrets, no personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Warning, "Webhook from {Source} refused ({Reason}, channel {Channel}): {Detail}; further refusals from this source are summed for the minute")]
    public static partial void WebhookRefused(ILogger logger, string source, string channel, string reason, string detail);

    [LoggerMessage(4001, LogLevel.Warning, "{Count} webhook requests from {Source} refused in the minute from {Since:o}: {Reasons}")]
    public static partial void WebhookRefusedSummary(ILogger logger, int count, string source, DateTimeOffset since, string reasons);

    [LoggerMessage(4002, LogLevel.Warning, "Delivery id {DeliveryId} of {Channel}/{Store} was seen before with other content; processed under derived key {Key}")]
    public static partial void DeliveryIdReused(ILogger logger, string channel, string store, string deliveryId, string key);

    [LoggerMessage(4003, LogLevel.Error, "Webhook for {Channel}/{Store} unreadable ({Error}); archived as {Blob} and quarantined")]
    public static partial void WebhookQuarantined(ILogger logger, string channel, string store, string blob, string error);

    [LoggerMessage(4004, LogLevel.Information, "Order {Channel}/{Store}/{OrderId} forwarded as {Kind}: {Summary}")]
    public static partial void OrderForwarded(ILogger logger, string channel, string store, string orderId, OrderEventKind kind, string summary);

    [LoggerMessage(4006, LogLevel.Information, "Delivery {Key} of {Channel}/{Store} handed on again (seen {ClaimedAt:o}, not forwarded yet)")]
    public static partial void DeliveryHandedOnAgain(ILogger logger, string channel, string store, string key, DateTimeOffset claimedAt);

    [LoggerMessage(4010, LogLevel.Information, "Polled {Channel}/{Store} window {From:o} to {To:o}: {Orders} order(s), {Forwarded} forwarded")]
    public static partial void Polled(ILogger logger, string channel, string store, DateTimeOffset from, DateTimeOffset to, int orders, int forwarded);

    [LoggerMessage(4011, LogLevel.Error, "Polling {Channel}/{Store} failed; the cursor stays at {Cursor:o}")]
    public static partial void PollFailed(ILogger logger, Exception exception, string channel, string store, DateTimeOffset? cursor);

    [LoggerMessage(4020, LogLevel.Warning, "{Channel}/{Store} {Operation} answered {Status}; retry {Attempt} in {Delay}")]
    public static partial void OutboundRetry(ILogger logger, string channel, string store, string operation, int? status, int attempt, TimeSpan delay);

    [LoggerMessage(4040, LogLevel.Information, "Referenced order {Channel}/{Store}/{OrderId} fetched: {Outcome} ({Detail})")]
    public static partial void ReferenceResolved(ILogger logger, string channel, string store, string orderId, string outcome, string detail);

    [LoggerMessage(4041, LogLevel.Error, "Referenced order {Channel}/{Store}/{OrderId} quarantined: {Reason}; archived as {Blob}")]
    public static partial void ReferenceQuarantined(ILogger logger, string channel, string store, string orderId, string reason, string blob);
}
