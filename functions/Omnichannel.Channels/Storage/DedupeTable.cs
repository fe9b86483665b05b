using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Configuration;
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

    /// <summary>Seen, never marked forwarded, older than the grace: the earlier attempt died; forward again.</summary>
    Stalled,
}

/// <summary>
/// Insert-first dedupe: a row per delivery id or order version. The insert decides; a 409 means seen before.
/// A row stays <c>Forwarded = false</c> until the message is queued; until then a repeat is told "in progress"
/// (not acknowledged), and after the grace it is taken over, so a crash in between never loses the order.
/// </summary>
public sealed class DedupeTable(ChannelStorage storage, IOptions<ChannelsOptions> options, TimeProvider time)
{
    public async Task<ClaimOutcome> ClaimAsync(string partition, string id, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.Escape(partition), TableKeys.Escape(id)) { ["Forwarded"] = false, ["ClaimedAt"] = time.GetUtcNow() };
        if (await StorageCall.TryCreateAsync(() => storage.Dedupe.AddEntityAsync(entity, cancellationToken)))
        {
            return ClaimOutcome.New;
        }

        return (await ReclaimAsync(storage.Dedupe, entity.PartitionKey, entity.RowKey, options.Value.RedeliveryGrace, time, cancellationToken)).Outcome;
    }

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
        try
        {
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, cancellationToken);
            return (ClaimOutcome.Stalled, entity);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return (ClaimOutcome.InProgress, null);
        }
    }

    /// <summary>Removes a claim whose work failed before anything was forwarded, so a retry starts afresh.</summary>
    public async Task ReleaseAsync(string partition, string id, CancellationToken cancellationToken)
    {
        await StorageCall.TryGetAsync(async () => await storage.Dedupe.DeleteEntityAsync(TableKeys.Escape(partition), TableKeys.Escape(id), ETag.All, cancellationToken));
    }

    public async Task MarkForwardedAsync(string partition, string id, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Escape(partition), TableKeys.Escape(id)) { ["Forwarded"] = true };
        await StorageCall.RunAsync(() => storage.Dedupe.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken));
    }

}
