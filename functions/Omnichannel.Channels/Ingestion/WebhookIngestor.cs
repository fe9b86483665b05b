using System.Text.Json;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Storage;

namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// One webhook, start to end: verify, archive, dedupe the delivery, read, forward. Nothing is stored for a
/// request that fails verification; everything authentic is archived before anything else happens.
/// </summary>
public sealed class WebhookIngestor(
    ChannelAccounts accounts,
    WebhookAdapters adapters,
    WebhookArchive archive,
    DedupeTable dedupe,
    QuarantineTable quarantine,
    OrderIntake intake,
    ChannelMetrics metrics,
    TimeProvider time,
    ILogger<WebhookIngestor> logger)
{
    private static readonly HashSet<string> AlwaysSecret = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Cookie", "x-functions-key" };

    /// <param name="delivery">The request.</param>
    /// <param name="source">Remote address, for the log of refused requests.</param>
    /// <param name="cancellationToken">Request abort.</param>
    public async Task<WebhookAck> IngestAsync(WebhookDelivery delivery, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var account = accounts.Find(delivery.Channel, delivery.Store);
        var adapter = account is null ? null : adapters.Find(account.Adapter);
        if (account is null || adapter is null)
        {
            metrics.Webhook(delivery.Channel, "unknown");
            Log.WebhookUnknown(logger, delivery.Channel, delivery.Store, source);
            return new WebhookAck(WebhookOutcome.Unknown, 0, "No channel account is configured for this route.");
        }

        if (adapter.IsUnsignedPing(delivery))
        {
            metrics.Webhook(account.Channel, "ping");
            return new WebhookAck(WebhookOutcome.Ignored, 0, "ping");
        }

        var check = adapter.Verify(delivery, account, time.GetUtcNow());
        if (!check.IsValid)
        {
            var outcome = $"rejected-{check.Outcome.ToString().ToLowerInvariant()}";
            metrics.Webhook(account.Channel, outcome);
            Log.WebhookRejected(logger, account.Channel, account.Store, source, check.Outcome, check.Reason);
            return new WebhookAck(WebhookOutcome.Rejected, 0, check.Outcome.ToString());
        }

        // Archive and claim the delivery together (one round trip less); if archiving fails, the claim is released.
        var deliveryId = adapter.DeliveryId(delivery);
        var deliveries = $"d|{account.Channel}|{account.Store}";
        var archiving = archive.WriteAsync(Archived(delivery, adapter.SecretHeaders(account)), cancellationToken);
        var claiming = deliveryId is null ? Task.FromResult(ClaimOutcome.New) : dedupe.ClaimAsync(deliveries, deliveryId, cancellationToken);
        try
        {
            await Task.WhenAll(archiving, claiming);
        }
        catch (Exception) when (deliveryId is not null && claiming.IsCompletedSuccessfully && claiming.Result is ClaimOutcome.New or ClaimOutcome.Stalled)
        {
            await dedupe.ReleaseAsync(deliveries, deliveryId, CancellationToken.None);
            throw;
        }

        var (blob, claim) = (archiving.Result, claiming.Result);
        if (claim is ClaimOutcome.Duplicate or ClaimOutcome.InProgress)
        {
            var seen = claim == ClaimOutcome.Duplicate ? WebhookOutcome.Duplicate : WebhookOutcome.Busy;
            metrics.Webhook(account.Channel, seen.ToString().ToLowerInvariant());
            return new WebhookAck(seen, 0);
        }

        WebhookAck ack;
        try
        {
            ack = await ReadAndForwardAsync(delivery, account, adapter, blob, deliveryId, cancellationToken);
        }
        catch (Exception) when (deliveryId is not null)
        {
            await dedupe.ReleaseAsync(deliveries, deliveryId, CancellationToken.None);
            throw;
        }

        if (deliveryId is not null)
        {
            await (ack.Outcome == WebhookOutcome.Busy
                ? dedupe.ReleaseAsync(deliveries, deliveryId, cancellationToken)
                : dedupe.MarkForwardedAsync(deliveries, deliveryId, cancellationToken));
        }

        metrics.Webhook(account.Channel, ack.Outcome.ToString().ToLowerInvariant());
        return ack;
    }

    /// <summary>
    /// Reads a quarantined webhook again from its archived copy (after the adapter or the account was fixed) and
    /// forwards its orders as a delivery would, through the same order dedupe; its signature was checked when it
    /// arrived, and the delivery id is not claimed again. Forwarded (or found to be a duplicate), the quarantine row
    /// goes; still unreadable, it stays and the answer says why. Polled pages and fetched orders are read again
    /// by the next poll or notification, not here.
    /// </summary>
    public async Task<WebhookAck> RequeueAsync(QuarantinedPayload quarantined, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarantined);
        var payload = await archive.ReadAsync(quarantined.ArchiveBlob, cancellationToken);
        var account = accounts.Find(payload.Channel, payload.Store);
        var adapter = account is null ? null : adapters.Find(account.Adapter);
        if (account is null || adapter is null)
        {
            return new WebhookAck(WebhookOutcome.Unknown, 0, "No channel account is configured for this payload's channel and store.");
        }

        if (payload.Source != ArchivedPayload.FromWebhook)
        {
            return new WebhookAck(WebhookOutcome.Ignored, 0, $"A {payload.Source} payload is read again by the next poll or notification.");
        }

        var delivery = new WebhookDelivery(payload.Channel, payload.Store, payload.ReceivedAt, payload.Url, payload.Headers, payload.Body);
        WebhookContent content;
        try
        {
            content = adapter.Read(delivery, account);
        }
        catch (Exception e) when (e is PayloadException or JsonException or FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
        {
            return new WebhookAck(WebhookOutcome.Quarantined, 0, $"Still unreadable: {e.GetType().Name}: {e.Message}");
        }

        var forwarded = 0;
        foreach (var order in content.Orders)
        {
            var (outcome, kind) = await intake.ForwardAsync(order, quarantined.ArchiveBlob, quarantined.DeliveryId, payload.ReceivedAt, keepMappedOrder: false, cancellationToken);
            if (outcome is ClaimOutcome.InProgress)
            {
                return new WebhookAck(WebhookOutcome.Busy, forwarded, "Another request is forwarding this order right now; try again.");
            }

            if (outcome is ClaimOutcome.New or ClaimOutcome.Stalled)
            {
                forwarded++;
                Log.OrderForwarded(logger, order.Channel, order.Store, order.ChannelOrderId, kind, order.ToString());
            }
        }

        foreach (var reference in content.References)
        {
            await intake.ForwardReferenceAsync(account.Channel, account.Store, reference, quarantined.ArchiveBlob, quarantined.DeliveryId, payload.ReceivedAt, cancellationToken);
            forwarded++;
        }

        await quarantine.RemoveAsync(quarantined.Channel, quarantined.Id!, cancellationToken);
        return new WebhookAck(forwarded > 0 ? WebhookOutcome.Accepted : WebhookOutcome.Duplicate, forwarded, content.IgnoredBecause);
    }

    /// <summary>Counts a body refused for its size (the endpoint refuses it before anything else).</summary>
    public void CountOversize(string channel) => metrics.Webhook(channel, "oversize");

    private async Task<WebhookAck> ReadAndForwardAsync(WebhookDelivery delivery, ChannelAccount account, IWebhookAdapter adapter, string blob, string? deliveryId, CancellationToken cancellationToken)
    {
        WebhookContent content;
        try
        {
            content = adapter.Read(delivery, account);
        }
        catch (Exception e) when (e is PayloadException or JsonException or FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
        {
            await quarantine.AddAsync(new QuarantinedPayload(account.Channel, account.Store, delivery.ReceivedAt, blob, deliveryId, $"{e.GetType().Name}: {e.Message}"), cancellationToken);
            Log.WebhookQuarantined(logger, account.Channel, account.Store, blob, e.GetType().Name);
            return new WebhookAck(WebhookOutcome.Quarantined, 0, "Unreadable payload kept for operations.");
        }

        if (content.IgnoredBecause is { } reason)
        {
            return new WebhookAck(WebhookOutcome.Ignored, 0, reason);
        }

        int forwarded = 0, busy = 0;
        foreach (var order in content.Orders)
        {
            var (outcome, kind) = await intake.ForwardAsync(order, blob, deliveryId, delivery.ReceivedAt, keepMappedOrder: false, cancellationToken);
            if (outcome is ClaimOutcome.New or ClaimOutcome.Stalled)
            {
                forwarded++;
                Log.OrderForwarded(logger, order.Channel, order.Store, order.ChannelOrderId, kind, order.ToString());
            }
            else if (outcome == ClaimOutcome.InProgress)
            {
                busy++;
            }
        }

        foreach (var reference in content.References)
        {
            await intake.ForwardReferenceAsync(account.Channel, account.Store, reference, blob, deliveryId, delivery.ReceivedAt, cancellationToken);
            forwarded++;
        }

        return new WebhookAck(
            busy > 0 ? WebhookOutcome.Busy : forwarded > 0 ? WebhookOutcome.Accepted : WebhookOutcome.Duplicate,
            forwarded,
            busy > 0 ? "Another request is forwarding this order right now; try again." : null);
    }

    private static ArchivedPayload Archived(WebhookDelivery delivery, IReadOnlyCollection<string> secretHeaders) =>
        new(
            delivery.Channel,
            delivery.Store,
            ArchivedPayload.FromWebhook,
            delivery.ReceivedAt,
            delivery.Url,
            delivery.Headers.Without(AlwaysSecret.Concat(secretHeaders)),
            delivery.Body.ToArray());
}
