using System.Security.Cryptography;
using System.Text.Json;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Storage;
using Omnichannel.Hosting.Diagnostics;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// Decides whether an order is new, an update, a cancellation or a duplicate, and queues it. Shared by
/// webhooks and polling, so an order seen both ways is forwarded once.
/// </summary>
/// <remarks>
/// The version of an order is the fingerprint of its canonical content: the same content seen again is a
/// duplicate whatever the delivery; see <see cref="OrderVersionStore"/> for the insert-first rows.
/// </remarks>
public sealed class OrderIntake(OrderVersionStore versions, WebhookArchiveStore archive, ChannelStorage storage, ChannelMetrics metrics)
{
    /// <summary>Forwards the order unless this exact content was forwarded already; <see cref="ClaimOutcome.InProgress"/> means another request holds it.</summary>
    /// <param name="order">The order as mapped from the archived payload.</param>
    /// <param name="archiveBlob">The archived payload it was mapped from.</param>
    /// <param name="deliveryId">The channel's delivery id, if any.</param>
    /// <param name="receivedAt">When the payload arrived.</param>
    /// <param name="keepMappedOrder">
    /// True when no webhook adapter can map the archived payload again (poll pages, fetched orders): the mapped
    /// order is then stored beside it before it is queued (<see cref="WebhookArchiveStore.WriteMappedOrderAsync"/>).
    /// </param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public async Task<(ClaimOutcome Outcome, OrderEventKind Kind)> ForwardAsync(CanonicalOrder order, string archiveBlob, string? deliveryId, DateTimeOffset receivedAt, bool keepMappedOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var fingerprint = Fingerprint(order);
        var (outcome, kind) = await versions.ClaimAsync(order, fingerprint, cancellationToken);
        if (outcome is ClaimOutcome.Duplicate or ClaimOutcome.InProgress)
        {
            metrics.OrderDuplicate(order.Channel);
            return (outcome, kind);
        }

        if (keepMappedOrder)
        {
            await archive.WriteMappedOrderAsync(archiveBlob, order, cancellationToken);
        }

        var message = new ChannelOrderMessage(ChannelOrderMessage.VersionId(order, fingerprint), kind, order.Channel, order.Store, order.ChannelOrderId, archiveBlob, deliveryId, receivedAt, order, HubTracing.CurrentTraceParent());
        await EnqueueAsync(message, cancellationToken);
        await versions.MarkForwardedAsync(order, fingerprint, cancellationToken);
        return (outcome, kind);
    }

    /// <summary>Queues a thin notification's order id for the consumer to fetch.</summary>
    public Task ForwardReferenceAsync(string channel, string store, string channelOrderId, string archiveBlob, string? deliveryId, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        EnqueueAsync(
            new ChannelOrderMessage(ChannelOrderMessage.ReferenceId(channel, store, channelOrderId, deliveryId ?? archiveBlob), OrderEventKind.Reference, channel, store, channelOrderId, archiveBlob, deliveryId, receivedAt, TraceParent: HubTracing.CurrentTraceParent()),
            cancellationToken);

    /// <summary>Stable hash of the canonical content: equal content gives equal fingerprints.</summary>
    public static string Fingerprint(CanonicalOrder order) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(order)), 0, 12);

    private async Task EnqueueAsync(ChannelOrderMessage message, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var text = JsonSerializer.Serialize(message);
        if (text.Length > ChannelOrderMessage.MaxInlineBytes)
        {
            // A very large order travels by pointer only; the consumer maps the archived payload.
            text = JsonSerializer.Serialize(message with { Order = null });
        }

        await StorageCall.RunAsync(() => storage.Orders.SendMessageAsync(text, cancellationToken));
        metrics.OrderForwarded(message.Channel, message.Kind);
    }
}
