using Azure.Data.Tables;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Storage;

public enum ClaimOutcome
{
    /// <summary>First time: the caller forwards it, then marks it forwarded.</summary>
    New,

    /// <summary>Seen and forwarded: do nothing.</summary>
    Duplicate,

    /// <summary>
    /// Seen moments ago and not yet forwarded: another request is handling it now, or crashed. Do not
    /// acknowledge (503), so the channel tries again and finds it forwarded, or stalled.
    /// </summary>
    InProgress,

    /// <summary>
    /// Seen, never marked forwarded, older than the grace: the earlier attempt died; forward again. For a webhook
    /// delivery (<see cref="DedupeStore.ClaimDeliveryAsync"/>): seen and not forwarded yet, whatever its age; it is
    /// handed on again at once, and the forward stage's order dedupe keeps that from doubling anything.
    /// </summary>
    Stalled,
}

/// <summary>The claim of one webhook delivery.</summary>
/// <param name="Outcome"><see cref="ClaimOutcome.New"/>, <see cref="ClaimOutcome.Duplicate"/> (forwarded before) or <see cref="ClaimOutcome.Stalled"/> (seen, not forwarded yet: hand it on again).</param>
/// <param name="Key">RowKey of the claim.</param>
/// <param name="ClaimedAt">When the claim was first made.</param>
/// <param name="Reused">True when the delivery id had been seen with other content: the claim is under a derived key.</param>
public sealed record DeliveryClaim(ClaimOutcome Outcome, string Key, DateTimeOffset ClaimedAt, bool Reused);

/// <summary>
/// Insert-first dedupe: a row per webhook delivery (partition <c>d|{channel}|{store}</c>) and per order version
/// (<see cref="OrderVersionStore"/>). The insert decides; a 409 means seen before. A row stays <c>Forwarded = false</c>
/// until its work is done: a delivery seen again before that is handed on again at once; an order version seen again
/// is "in progress" until <see cref="Configuration.ChannelsOptions.RedeliveryGrace"/>, then taken over, so a crash in
/// between never loses the order.
/// </summary>
public sealed class DedupeStore(ChannelStorage storage, TimeProvider time)
{
    /// <summary>
    /// After a 409: forwarded means duplicate; unforwarded and young means in progress; unforwarded and older
    /// than the grace means the claimant died, and the claim is taken over under its ETag (one winner).
    /// </summary>
    internal static async Task<(ClaimOutcome Outcome, TableEntity? Row)> ReclaimAsync(TableClient table, string partition, string row, TimeSpan grace, TimeProvider time, CancellationToken cancellationToken)
    {
        var existing = await StorageCall.TryGetAsync(() => table.GetEntityAsync<TableEntity>(partition, row, cancellationToken: cancellationToken));
        if (existing?.Value is not { } entity || entity.GetBoolean("Forwarded") == true)
        {
            return (ClaimOutcome.Duplicate, null);
        }

        if (time.GetUtcNow() - (entity.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue) < grace)
        {
            return (ClaimOutcome.InProgress, entity);
        }

        entity["ClaimedAt"] = time.GetUtcNow();
        return await StorageCall.TryConditionalAsync(() => table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, cancellationToken))
            ? (ClaimOutcome.Stalled, entity)
            : (ClaimOutcome.InProgress, null);
    }

    /// <summary>
    /// Claims a webhook delivery, insert first: one request for a new one. The row keeps the body's hash, so a
    /// delivery id seen before with other content is not a duplicate: it is claimed again under a derived key (the id's
    /// key, <c>~</c>, 32 hex digits of the content hash) and <see cref="DeliveryClaim.Reused"/> is set. A 409 is
    /// "seen before": the row is read to tell forwarded (duplicate) from not yet forwarded (hand it on again).
    /// </summary>
    /// <param name="channel">Channel name (route value, checked).</param>
    /// <param name="store">Store name (route value, checked).</param>
    /// <param name="id">The channel's delivery id, or <c>h:</c> and the content hash when it sends none; any length.</param>
    /// <param name="contentHash">SHA-256 (hex) of the raw body.</param>
    /// <param name="archiveBlob">Where the body is archived, kept on the row for operations.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public async Task<DeliveryClaim> ClaimDeliveryAsync(string channel, string store, string id, string contentHash, string archiveBlob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(contentHash);
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = DeliveryPartition(channel, store);
        var key = TableKeys.Bounded(id);
        var (outcome, claimedAt, seenHash) = await TryClaimAsync(partition, key, id, contentHash, archiveBlob, cancellationToken);
        if (outcome == ClaimOutcome.New || seenHash is null || string.Equals(seenHash, contentHash, StringComparison.Ordinal))
        {
            return new DeliveryClaim(outcome, key, claimedAt, false);
        }

        var derived = $"{key}~{contentHash[..32]}";
        (outcome, claimedAt, _) = await TryClaimAsync(partition, derived, id, contentHash, archiveBlob, cancellationToken);
        return new DeliveryClaim(outcome, derived, claimedAt, true);
    }

    /// <summary>Marks a delivery's claim forwarded with what became of it; a repeat of the delivery is then a duplicate.</summary>
    public Task MarkDeliveryForwardedAsync(string channel, string store, string key, string outcome, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(DeliveryPartition(channel, store), key) { ["Forwarded"] = true, ["Outcome"] = outcome };
        return StorageCall.RunAsync(() => storage.Dedupe.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken));
    }

    private static string DeliveryPartition(string channel, string store) => TableKeys.Escape($"d|{channel}|{store}");

    private async Task<(ClaimOutcome Outcome, DateTimeOffset ClaimedAt, string? ContentHash)> TryClaimAsync(
        string partition, string key, string id, string contentHash, string archiveBlob, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var entity = new TableEntity(partition, key)
            {
                ["Forwarded"] = false,
                ["ClaimedAt"] = now,
                ["ContentHash"] = contentHash,
                ["ArchiveBlob"] = archiveBlob,
                ["DeliveryId"] = StorageKeys.Clip(id),
            };
            if (await StorageCall.TryCreateAsync(() => storage.Dedupe.AddEntityAsync(entity, cancellationToken)))
            {
                return (ClaimOutcome.New, now, contentHash);
            }

            var seen = await StorageCall.TryGetAsync(() => storage.Dedupe.GetEntityAsync<TableEntity>(partition, key, ["Forwarded", "ClaimedAt", "ContentHash"], cancellationToken));
            if (seen?.Value is { } row)
            {
                var outcome = row.GetBoolean("Forwarded") == true ? ClaimOutcome.Duplicate : ClaimOutcome.Stalled;
                return (outcome, row.GetDateTimeOffset("ClaimedAt") ?? now, row.GetString("ContentHash"));
            }

            if (attempt == 3)
            {
                // Released between our insert and our read, three times over: treat as not forwarded, hand it on.
                return (ClaimOutcome.Stalled, now, null);
            }
        }
    }
}
