using Azure;
using Azure.Data.Tables;
using Omnichannel.Durable.Model;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Durable.Storage;

/// <summary>
/// Instances and their histories in one table, one partition per instance. A checkpoint is ONE entity-group
/// transaction: the instance row (under its ETag) plus one history row with the episode's new events, so
/// status and history never disagree and only one episode of an instance can win.
/// </summary>
internal sealed class InstanceStore(TableClient table, PayloadStore payloads)
{
    /// <summary>Old history rows deleted per checkpoint; a transaction holds at most 100 operations.</summary>
    private const int MaxDeletesPerCheckpoint = 90;

    public TableClient Table => table;

    public PayloadStore Payloads => payloads;

    /// <summary>The instance row and the history of its current run, in one query; null when there is no row.</summary>
    public async Task<InstanceState?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        InstanceState? state = null;
        var chunks = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {InstanceRows.PartitionKey(instanceId)}");
        await StorageCall.RunAsync(async () =>
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (row.RowKey == InstanceRows.InstanceRowKey)
                {
                    state = InstanceRows.FromEntity(row);
                }
                else
                {
                    chunks.Add(row);
                }
            }
        });
        if (state is null)
        {
            return null;
        }

        foreach (var chunk in chunks.OrderBy(c => c.RowKey, StringComparer.Ordinal))
        {
            if (InstanceRows.ChunkSequence(chunk.RowKey) < state.FirstChunk)
            {
                state.StaleChunks.Add(chunk.RowKey);
                continue;
            }

            state.CurrentChunks.Add(chunk.RowKey);
            var json = await payloads.ResolveAsync(chunk.GetString("Events"), cancellationToken);
            state.History.AddRange(DurableJson.Deserialize<List<HistoryEvent>>(json) ?? []);
        }

        return state;
    }

    /// <summary>The instance row alone (one point read), without history; null when absent.</summary>
    public async Task<InstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var row = await StorageCall.TryGetAsync(async () =>
            (await table.GetEntityAsync<TableEntity>(InstanceRows.PartitionKey(instanceId), InstanceRows.InstanceRowKey, cancellationToken: cancellationToken)).Value);
        return row is null ? null : InstanceRows.FromEntity(row);
    }

    /// <summary>Inserts a new instance row. False (409) when an instance with that id already exists.</summary>
    public async Task<bool> TryCreateAsync(InstanceState state, CancellationToken cancellationToken)
    {
        Response? response = null;
        var created = await StorageCall.TryCreateAsync(async () => response = await table.AddEntityAsync(InstanceRows.ToEntity(state), cancellationToken));
        state.ETag = response?.Headers.ETag;
        return created;
    }

    /// <summary>Replaces the instance row under its ETag. Throws <see cref="StorageException"/> 412 when someone wrote first.</summary>
    public async Task ReplaceAsync(InstanceState state, CancellationToken cancellationToken)
    {
        var response = await StorageCall.RunAsync(() => table.UpdateEntityAsync(InstanceRows.ToEntity(state), state.ETag ?? ETag.All, TableUpdateMode.Replace, cancellationToken));
        state.ETag = response.Headers.ETag;
    }

    /// <summary>
    /// Writes the instance row and the new history events in one transaction, guarded by the row's ETag (or
    /// as an insert for a new row). Throws <see cref="StorageException"/> 412 (or 409 for an insert) when another
    /// episode committed first: the caller drops its episode.
    /// </summary>
    public async Task CheckpointAsync(InstanceState state, IReadOnlyList<HistoryEvent> newEvents, CancellationToken cancellationToken)
    {
        var pk = InstanceRows.PartitionKey(state.InstanceId);
        var actions = new List<TableTransactionAction>();
        string? chunkKey = null;
        var sequence = state.NextChunk;
        if (newEvents.Count > 0)
        {
            var json = DurableJson.Serialize(newEvents);
            var stored = await payloads.StoreAsync(state.InstanceId, json, PayloadStore.MaxTableChars, cancellationToken);
            chunkKey = InstanceRows.ChunkKey(sequence++);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(pk, chunkKey) { ["Events"] = stored }));
        }

        var deletes = state.StaleChunks.Take(MaxDeletesPerCheckpoint).ToList();
        actions.AddRange(deletes.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(pk, key), ETag.All)));
        var previous = state.NextChunk;
        state.NextChunk = sequence;
        var row = InstanceRows.ToEntity(state);
        actions.Insert(0, state.ETag is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, row));
        try
        {
            var response = await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, cancellationToken));
            state.ETag = response.Value[0].Headers.ETag;
        }
        catch
        {
            state.NextChunk = previous;
            throw;
        }

        if (chunkKey is not null)
        {
            state.CurrentChunks.Add(chunkKey);
        }

        state.StaleChunks.RemoveAll(deletes.Contains);
    }

    /// <summary>One page of instance rows matching the query, and the token for the next page.</summary>
    public async Task<(IReadOnlyList<InstanceState> Instances, string? ContinuationToken)> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        var filter = InstanceFilter.Build(query);
        return await StorageCall.RunAsync(async () =>
        {
            var pages = table.QueryAsync<TableEntity>(filter, maxPerPage: query.PageSize, cancellationToken: cancellationToken)
                .AsPages(query.ContinuationToken, query.PageSize);
            await foreach (var page in pages)
            {
                return ((IReadOnlyList<InstanceState>)page.Values.Select(InstanceRows.FromEntity).ToList(), page.ContinuationToken);
            }

            return ([], null);
        });
    }

    /// <summary>Deletes the instance row, its history and its payload blobs. False when there was no instance row.</summary>
    public async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        var pk = InstanceRows.PartitionKey(instanceId);
        var keys = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk}");
        await StorageCall.RunAsync(async () =>
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                keys.Add(row.RowKey);
            }
        });
        foreach (var batch in keys.Chunk(100))
        {
            await StorageCall.RunAsync(() => table.SubmitTransactionAsync(
                batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(pk, k), ETag.All)), cancellationToken));
        }

        await payloads.DeleteForAsync(instanceId, cancellationToken);
        return keys.Contains(InstanceRows.InstanceRowKey);
    }
}
