using Azure;
using Azure.Data.Tables;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Polling;

/// <summary>One cursor row per (channel, store). Writes are conditional, so two hosts never move it backwards.</summary>
public sealed class PollCursorStore(Storage.ChannelStorage storage)
{
    /// <summary>The stored cursor and its ETag, or null (and default ETag) when the account was never polled.</summary>
    public async Task<(PollCursor? Cursor, ETag ETag)> ReadAsync(string channel, string store, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var row = await StorageCall.TryGetAsync(() => storage.Cursors.GetEntityAsync<TableEntity>(TableKeys.Escape(channel), TableKeys.Escape(store), cancellationToken: cancellationToken));
        return row?.Value is { } entity
            ? (new PollCursor(entity.GetDateTimeOffset("Time"), entity.GetString("Token")), entity.ETag)
            : (null, default);
    }

    /// <summary>
    /// Saves the cursor if nobody moved it since <paramref name="etag"/> was read (insert when new). Returns false
    /// on 409/412: another run saved first, and its cursor stands.
    /// </summary>
    public async Task<bool> TrySaveAsync(string channel, string store, PollCursor cursor, ETag etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var entity = new TableEntity(TableKeys.Escape(channel), TableKeys.Escape(store)) { ["Time"] = cursor.Time, ["Token"] = cursor.Token };
        try
        {
            await StorageCall.RunAsync(() => etag == default
                ? storage.Cursors.AddEntityAsync(entity, cancellationToken)
                : storage.Cursors.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken));
            return true;
        }
        catch (StorageException e) when (e.IsConflict || e.IsPreconditionFailed)
        {
            return false;
        }
    }
}
