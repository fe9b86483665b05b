using System.Security.Cryptography;
using System.Text.Json;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Storage;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// Decides whether an order is new, an update, a cancellation or a duplicate, and queues it. Shared by
/// webhooks and polling, so an order seen both ways is forwarded once.
/// </summary>
/// <remarks>
/// Two insert-first rows: one per order version (fingerprint of the canonical content: the same content seen
/// again is a duplicate whatever the delivery), then one per order id (first insert = new, 409 = update).
/// </remarks>
public sealed class OrderIntake(DedupeTable dedupe, ChannelStorage storage, ChannelMetrics metrics)
{
    public async Task<OrderEventKind?> ForwardAsync(CanonicalOrder order, string archiveBlob, string? deliveryId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var versions = $"v|{order.Channel}|{order.Store}";
        var version = $"{order.ChannelOrderId}|{Fingerprint(order)}";
        if (await dedupe.ClaimAsync(versions, version, cancellationToken) == ClaimOutcome.Duplicate)
        {
            metrics.OrderDuplicate(order.Channel);
            return null;
        }

        var isNew = await dedupe.TryAddAsync($"o|{order.Channel}|{order.Store}", order.ChannelOrderId, cancellationToken);
        var kind = isNew ? OrderEventKind.New
            : order.Status == ChannelOrderStatus.Cancelled ? OrderEventKind.Cancellation
            : OrderEventKind.Update;
        await EnqueueAsync(
            new ChannelOrderMessage($"{order.Channel}|{order.Store}|{version}", kind, order.Channel, order.Store, order.ChannelOrderId, archiveBlob, deliveryId, receivedAt),
            cancellationToken);
        await dedupe.MarkForwardedAsync(versions, version, cancellationToken);
        return kind;
    }

    /// <summary>Queues a thin notification's order id for the consumer to fetch.</summary>
    public Task ForwardReferenceAsync(string channel, string store, string channelOrderId, string archiveBlob, string? deliveryId, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        EnqueueAsync(
            new ChannelOrderMessage($"{channel}|{store}|ref|{channelOrderId}|{deliveryId ?? archiveBlob}", OrderEventKind.Reference, channel, store, channelOrderId, archiveBlob, deliveryId, receivedAt),
            cancellationToken);

    /// <summary>Stable hash of the canonical content: equal content gives equal fingerprints.</summary>
    public static string Fingerprint(CanonicalOrder order) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(order)), 0, 12);

    private async Task EnqueueAsync(ChannelOrderMessage message, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        await StorageCall.RunAsync(() => storage.Orders.SendMessageAsync(JsonSerializer.Serialize(message), cancellationToken));
        metrics.OrderForwarded(message.Channel, message.Kind);
    }
}
