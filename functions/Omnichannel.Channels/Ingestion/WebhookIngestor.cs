using System.Text.Json;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Storage;
using Omnichannel.Hosting.Diagnostics;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Ingestion;

/// <summary>
/// What a webhook needs before its answer, and nothing more: verify the signature (no storage), then archive the raw
/// body and claim the delivery at the same time, then hand it on to the delivery queue: three storage requests for a
/// new delivery. Mapping, quarantine and forwarding to the order queue happen after the answer, in
/// <see cref="DeliveryForwarder"/>. Nothing is stored for a request that fails verification.
/// </summary>
/// <remarks>
/// Nothing lost: the answer (202) comes only once the body is archived and the delivery message is queued. A crash
/// after the claim and before the hand-over leaves a claim not marked forwarded; the channel retries (it got no
/// answer), and a retry that finds such a claim hands the delivery on again at once. Nothing doubled: a claim marked
/// forwarded answers 200 duplicate, and a delivery handed on twice is forwarded once by the order dedupe after it.
/// </remarks>
public sealed class WebhookIngestor(
    ChannelAccounts accounts,
    WebhookAdapters adapters,
    WebhookArchiveStore archive,
    DedupeStore dedupe,
    ChannelStorage storage,
    ChannelMetrics metrics,
    WebhookRefusals refusals,
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
            refusals.Refuse(accounts.HasChannel(delivery.Channel) ? delivery.Channel : "other", source, "unknown-account", $"no account for {Clip(delivery.Channel)}/{Clip(delivery.Store)}");
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
            var outcome = check.Outcome.ToString().ToLowerInvariant();
            metrics.Webhook(account.Channel, $"rejected-{outcome}");
            refusals.Refuse(account.Channel, source, $"signature-{outcome}", $"{account.Channel}/{account.Store}: {check.Reason}");
            return new WebhookAck(WebhookOutcome.Rejected, 0, check.Outcome.ToString());
        }

        // Archive and claim at once (the claim names the blob, whose name is chosen first); then hand it on.
        var contentHash = StorageKeys.Hash(delivery.Body.Span);
        var deliveryId = adapter.DeliveryId(delivery);
        var payload = Archived(delivery, adapter.SecretHeaders(account));
        var blob = WebhookArchiveStore.NewName(payload);
        var archiving = archive.WriteAsync(blob, payload, cancellationToken);
        var claiming = dedupe.ClaimDeliveryAsync(account.Channel, account.Store, deliveryId ?? $"h:{contentHash}", contentHash, blob, cancellationToken);
        await Task.WhenAll(archiving, claiming);
        var claim = claiming.Result;
        if (claim.Reused)
        {
            Log.DeliveryIdReused(logger, account.Channel, account.Store, Clip(deliveryId ?? string.Empty), Clip(claim.Key));
        }

        if (claim.Outcome == ClaimOutcome.Duplicate)
        {
            metrics.Webhook(account.Channel, "duplicate");
            return new WebhookAck(WebhookOutcome.Duplicate, 0);
        }

        if (claim.Outcome == ClaimOutcome.Stalled)
        {
            Log.DeliveryHandedOnAgain(logger, account.Channel, account.Store, Clip(claim.Key), claim.ClaimedAt);
        }

        var message = new DeliveryMessage(
            account.Channel, account.Store, claim.Key, StorageKeys.Clip(deliveryId), contentHash, blob, delivery.ReceivedAt, claim.ClaimedAt, HubTracing.CurrentTraceParent());
        await storage.EnsureCreatedAsync(cancellationToken);
        await StorageCall.RunAsync(() => storage.Deliveries.SendMessageAsync(JsonSerializer.Serialize(message), cancellationToken));
        metrics.Webhook(account.Channel, "accepted");
        return new WebhookAck(WebhookOutcome.Accepted, 1);
    }

    /// <summary>Counts and logs (aggregated) a request refused before it reached an account: too large, or a bad route value.</summary>
    public void Refuse(string channel, string source, string reason, string detail)
    {
        var known = accounts.HasChannel(channel) ? channel : "other";
        metrics.Webhook(known, reason);
        refusals.Refuse(known, source, reason, detail);
    }

    private static string Clip(string value) => value.Length <= 100 ? value : value[..100] + "…";

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
