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

    /// <summary>Seen and forwarded (or being forwarded right now): do nothing.</summary>
    Duplicate,

    /// <summary>Seen, never marked forwarded, older than the grace: the earlier attempt died; forward again.</summary>
    Stalled,
}

/// <summary>
/// Insert-first dedupe: a row per delivery id or order version. The insert decides; a 409 means seen before.
/// A row stays <c>Forwarded = false</c> until the message is queued, so a crash in between is repaired by
/// the channel's own retry instead of losing the order.
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

        var existing = await StorageCall.TryGetAsync(() => storage.Dedupe.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken));
        if (existing?.Value is not { } row || row.GetBoolean("Forwarded") == true)
        {
            return ClaimOutcome.Duplicate;
        }

        var claimedAt = row.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue;
        if (time.GetUtcNow() - claimedAt < options.Value.RedeliveryGrace)
        {
            return ClaimOutcome.Duplicate;
        }

        // Take the stalled claim over under its ETag: of two concurrent retries only one re-forwards.
        row["ClaimedAt"] = time.GetUtcNow();
        try
        {
            await storage.Dedupe.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken);
            return ClaimOutcome.Stalled;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return ClaimOutcome.Duplicate;
        }
    }

    public async Task MarkForwardedAsync(string partition, string id, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Escape(partition), TableKeys.Escape(id)) { ["Forwarded"] = true };
        await StorageCall.RunAsync(() => storage.Dedupe.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken));
    }

    /// <summary>Records a key once; false when it already existed. For "has this order been seen at all".</summary>
    public async Task<bool> TryAddAsync(string partition, string id, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.Escape(partition), TableKeys.Escape(id)) { ["SeenAt"] = time.GetUtcNow() };
        return await StorageCall.TryCreateAsync(() => storage.Dedupe.AddEntityAsync(entity, cancellationToken));
    }
}
