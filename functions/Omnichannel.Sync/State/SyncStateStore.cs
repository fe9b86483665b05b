using Azure.Data.Tables;
using Omnichannel.Storage.Errors;
using Omnichannel.Storage.Tables;
using Omnichannel.Sync.Configuration;

namespace Omnichannel.Sync.State;

/// <summary>
/// Reads and writes <see cref="ListingSyncState"/> rows. Every write is conditional: a new row is inserted
/// (409 = another writer created it first), an existing one replaced under its ETag (412 = another writer
/// changed it); both throw <see cref="StorageException"/> so the caller re-reads and re-decides.
/// </summary>
public sealed class SyncStateStore(SyncStorage storage)
{
    /// <summary>Every listing state of a SKU, by listing key (one partition query).</summary>
    public async Task<Dictionary<string, ListingSyncState>> ReadSkuAsync(string sku, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var filter = TableFilter.Partition(PartitionKey(sku));
        return (await QueryAsync(filter, int.MaxValue, cancellationToken)).ToDictionary(s => s.ListingKey, StringComparer.Ordinal);
    }

    public async Task<ListingSyncState?> GetAsync(string sku, string listingKey, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var entity = await StorageCall.TryGetAsync(async () => (await storage.State.GetEntityAsync<TableEntity>(PartitionKey(sku), listingKey, cancellationToken: cancellationToken)).Value);
        return entity is null ? null : From(entity);
    }

    /// <summary>Inserts when <paramref name="state"/> has no ETag, else replaces it if unchanged since read.</summary>
    public async Task<ListingSyncState> WriteAsync(ListingSyncState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await storage.EnsureCreatedAsync();
        var entity = ToEntity(state);
        var response = state.ETag == default
            ? await StorageCall.RunAsync(() => storage.State.AddEntityAsync(entity, cancellationToken))
            : await StorageCall.RunAsync(() => storage.State.UpdateEntityAsync(entity, state.ETag, TableUpdateMode.Replace, cancellationToken));
        return state with { ETag = response.Headers.ETag ?? default };
    }

    /// <summary>Listings whose figure has not reached their channel yet (pending or failed).</summary>
    public async Task<IReadOnlyList<ListingSyncState>> PendingAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        return await QueryAsync("NeedsPush eq true", int.MaxValue, cancellationToken);
    }

    /// <summary>Up to <paramref name="limit"/> listing states, optionally of one channel.</summary>
    public async Task<IReadOnlyList<ListingSyncState>> ListAsync(string? channel, int limit, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var filter = channel is null ? null : TableClient.CreateQueryFilter($"Channel eq {channel}");
        return await QueryAsync(filter, limit, cancellationToken);
    }

    private Task<List<ListingSyncState>> QueryAsync(string? filter, int limit, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(async () =>
        {
            var states = new List<ListingSyncState>();
            await foreach (var entity in storage.State.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                states.Add(From(entity));
                if (states.Count >= limit)
                {
                    break;
                }
            }

            return states;
        });

    /// <summary>The partition of a SKU's listing states (the escaped SKU); RowKey the listing key.</summary>
    public static string PartitionKey(string sku) => TableKeys.Escape(sku);

    private static TableEntity ToEntity(ListingSyncState s) => new(PartitionKey(s.Sku), s.ListingKey)
    {
        ["Sku"] = s.Sku,
        ["Channel"] = s.Channel,
        ["Account"] = s.Account,
        ["ChannelItemId"] = s.ChannelItemId,
        ["SellerSku"] = s.SellerSku,
        ["Desired"] = s.Desired,
        ["DesiredVersion"] = s.DesiredVersion,
        ["Pushed"] = s.Pushed,
        ["PushedVersion"] = s.PushedVersion,
        ["PushedAt"] = s.PushedAt,
        ["NeedsPush"] = s.NeedsPush,
        ["ClaimId"] = s.ClaimId,
        ["ClaimedAt"] = s.ClaimedAt,
        ["LastError"] = s.LastError,
        ["LastErrorAt"] = s.LastErrorAt,
        ["Failures"] = s.Failures,
        ["Drifts"] = s.Drifts,
        ["LastDriftAt"] = s.LastDriftAt,
        ["LastDriftShown"] = s.LastDriftShown,
    };

    private static ListingSyncState From(TableEntity e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ListingSyncState
        {
            Sku = e.GetString("Sku"),
            ListingKey = e.RowKey,
            Channel = e.GetString("Channel"),
            Account = e.GetString("Account"),
            ChannelItemId = e.GetString("ChannelItemId"),
            SellerSku = e.GetString("SellerSku"),
            Desired = e.GetInt32("Desired") ?? 0,
            DesiredVersion = e.GetInt64("DesiredVersion") ?? -1,
            Pushed = e.GetInt32("Pushed"),
            PushedVersion = e.GetInt64("PushedVersion"),
            PushedAt = e.GetDateTimeOffset("PushedAt"),
            NeedsPush = e.GetBoolean("NeedsPush") ?? false,
            ClaimId = e.GetString("ClaimId"),
            ClaimedAt = e.GetDateTimeOffset("ClaimedAt"),
            LastError = e.GetString("LastError"),
            LastErrorAt = e.GetDateTimeOffset("LastErrorAt"),
            Failures = e.GetInt32("Failures") ?? 0,
            Drifts = e.GetInt32("Drifts") ?? 0,
            LastDriftAt = e.GetDateTimeOffset("LastDriftAt"),
            LastDriftShown = e.GetInt32("LastDriftShown"),
            ETag = e.ETag,
        };
    }
}
