using System.Text.Json;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Storage;

namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// Everything a webhook needs after its answer: reads the archived payload of a handed-on delivery, maps it with the
/// account's adapter, quarantines what cannot be read or keyed, forwards its orders through <see cref="OrderIntake"/>
/// (order dedupe) and marks the delivery's claim forwarded, so a repeat of the delivery is a duplicate from then on.
/// </summary>
/// <remarks>
/// Idempotent, so a delivery handed on twice (a channel retry before the first was forwarded) or retried by the queue
/// (a crash midway) forwards each order version once, and is quarantined once. An order version another forwarder
/// holds right now throws <see cref="DeliveryBusyException"/>: the queue retries the delivery a little later.
/// </remarks>
public sealed class DeliveryForwarder(
    ChannelAccounts accounts,
    WebhookAdapters adapters,
    WebhookArchiveStore archive,
    DedupeStore dedupe,
    QuarantineStore quarantine,
    OrderIntake intake,
    ILogger<DeliveryForwarder> logger)
{
    /// <summary>Longest channel order id accepted. It becomes the order's key in the order flow, its pages and the channel calls.</summary>
    public const int MaxOrderIdLength = 128;

    public async Task<WebhookAck> ForwardAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var account = accounts.Find(message.Channel, message.Store);
        var adapter = account is null ? null : adapters.Find(account.Adapter);
        if (account is null || adapter is null)
        {
            return await QuarantineAsync(message, "the channel account is no longer configured", "NoAccount", cancellationToken);
        }

        var archived = await archive.ReadAsync(message.ArchiveBlob, cancellationToken);
        var delivery = new WebhookDelivery(archived.Channel, archived.Store, archived.ReceivedAt, archived.Url, archived.Headers, archived.Body);
        WebhookContent content;
        try
        {
            content = adapter.Read(delivery, account);
        }
        catch (Exception e) when (e is PayloadException or JsonException or FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
        {
            return await QuarantineAsync(message, $"{e.GetType().Name}: {e.Message}", e.GetType().Name, cancellationToken);
        }

        if (content.IgnoredBecause is { } reason)
        {
            await dedupe.MarkDeliveryForwardedAsync(message.Channel, message.Store, message.ClaimKey, "ignored", cancellationToken);
            return new WebhookAck(WebhookOutcome.Ignored, 0, reason);
        }

        var unkeyable = content.Orders.Select(o => o.ChannelOrderId).Concat(content.References).Where(id => !IsUsableOrderId(id)).ToList();
        if (unkeyable.Count > 0)
        {
            // The payload is kept and listed; the orders in it that can be keyed still go on.
            await QuarantineAsync(message, $"channel order id of {unkeyable[0].Length} characters: at most {MaxOrderIdLength}, without control characters, are accepted", "OrderIdUnusable", cancellationToken);
        }

        int forwarded = 0, busy = 0;
        foreach (var order in content.Orders.Where(o => IsUsableOrderId(o.ChannelOrderId)))
        {
            var (outcome, kind) = await intake.ForwardAsync(order, message.ArchiveBlob, message.DeliveryId, message.ReceivedAt, keepMappedOrder: false, cancellationToken);
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

        foreach (var reference in content.References.Where(IsUsableOrderId))
        {
            await intake.ForwardReferenceAsync(account.Channel, account.Store, reference, message.ArchiveBlob, message.DeliveryId ?? message.ClaimKey, message.ReceivedAt, cancellationToken);
            forwarded++;
        }

        if (busy > 0)
        {
            throw new DeliveryBusyException($"{busy} order(s) of delivery {message.ClaimKey} are being forwarded by another worker; the queue retries it.");
        }

        var outcomeName = unkeyable.Count > 0 ? "quarantined" : forwarded > 0 ? "forwarded" : "duplicate";
        await dedupe.MarkDeliveryForwardedAsync(message.Channel, message.Store, message.ClaimKey, outcomeName, cancellationToken);
        return new WebhookAck(forwarded > 0 ? WebhookOutcome.Accepted : unkeyable.Count > 0 ? WebhookOutcome.Quarantined : WebhookOutcome.Duplicate, forwarded);
    }

    /// <summary>
    /// Reads a quarantined webhook again from its archived copy (after the adapter or the account was fixed) and
    /// forwards its orders as a delivery would, through the same order dedupe; its signature was checked when it
    /// arrived, and the delivery is not claimed again. Forwarded (or found to be a duplicate), the quarantine row
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

        if (content.Orders.Select(o => o.ChannelOrderId).Concat(content.References).FirstOrDefault(id => !IsUsableOrderId(id)) is { } unusable)
        {
            return new WebhookAck(WebhookOutcome.Quarantined, 0, $"Still unusable: a channel order id of {unusable.Length} characters (at most {MaxOrderIdLength}, without control characters).");
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
            await intake.ForwardReferenceAsync(account.Channel, account.Store, reference, quarantined.ArchiveBlob, quarantined.DeliveryId ?? quarantined.ArchiveBlob, payload.ReceivedAt, cancellationToken);
            forwarded++;
        }

        await quarantine.RemoveAsync(quarantined.Channel, quarantined.Id!, cancellationToken);
        return new WebhookAck(forwarded > 0 ? WebhookOutcome.Accepted : WebhookOutcome.Duplicate, forwarded, content.IgnoredBecause);
    }

    /// <summary>Whether a channel order id can become the order's key: 1-<see cref="MaxOrderIdLength"/> characters, no control characters.</summary>
    public static bool IsUsableOrderId(string id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxOrderIdLength && !id.Any(char.IsControl);

    /// <param name="message">The delivery.</param>
    /// <param name="reason">Why, for the quarantine row (a parser's message may quote the payload, so it stays out of the log).</param>
    /// <param name="logged">A short reason code for the log line.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    private async Task<WebhookAck> QuarantineAsync(DeliveryMessage message, string reason, string logged, CancellationToken cancellationToken)
    {
        // Keyed by the claim and its first time, so a second hand-over or a queue retry lists it once.
        var payload = new QuarantinedPayload(message.Channel, message.Store, message.ClaimedAt, message.ArchiveBlob, message.DeliveryId, reason);
        await quarantine.AddOnceAsync(payload, message.ClaimIdentity(), cancellationToken);
        Log.WebhookQuarantined(logger, message.Channel, message.Store, message.ArchiveBlob, logged);
        await dedupe.MarkDeliveryForwardedAsync(message.Channel, message.Store, message.ClaimKey, "quarantined", cancellationToken);
        return new WebhookAck(WebhookOutcome.Quarantined, 0, "Unreadable payload kept for operations.");
    }
}
