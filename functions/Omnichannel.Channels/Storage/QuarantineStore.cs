using System.Globalization;
using Azure.Data.Tables;
using Omnichannel.Storage.Errors;
using Omnichannel.Storage.Tables;

namespace Omnichannel.Channels.Storage;

/// <summary>An authentic payload the hub could not read, for operations to inspect and replay.</summary>
/// <param name="Channel">Channel name.</param>
/// <param name="Store">Store name.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="ArchiveBlob">Blob name of the archived payload.</param>
/// <param name="DeliveryId">The channel's delivery id, if any.</param>
/// <param name="Reason">Why it could not be read (the parser's message, never the payload).</param>
/// <param name="Id">The row's id within the channel, for <c>POST /api/webhooks/quarantine/{channel}/{id}/requeue</c>; null before it is stored.</param>
public sealed record QuarantinedPayload(string Channel, string Store, DateTimeOffset ReceivedAt, string ArchiveBlob, string? DeliveryId, string Reason, string? Id = null);

/// <summary>Quarantine rows: partition per channel, row key sortable by receive time (newest first).</summary>
public sealed class QuarantineStore(ChannelStorage storage)
{
    public Task AddAsync(QuarantinedPayload payload, CancellationToken cancellationToken) =>
        AddAsync(payload, Guid.NewGuid().ToString("N"), cancellationToken);

    /// <summary>
    /// Quarantines once per <paramref name="key"/> (insert first: a 409 means this key is quarantined already), so a
    /// delivery handed on twice, or retried by the queue, is listed once. Rows sort by <see cref="QuarantinedPayload.ReceivedAt"/>.
    /// </summary>
    public async Task AddOnceAsync(QuarantinedPayload payload, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await AddAsync(payload, StorageKeys.Hash(key)[..32], cancellationToken);
    }

    private async Task AddAsync(QuarantinedPayload payload, string suffix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        await storage.EnsureCreatedAsync(cancellationToken);
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - payload.ReceivedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var entity = new TableEntity(TableKeys.Escape(payload.Channel), $"{newestFirst}-{suffix}")
        {
            ["Store"] = payload.Store,
            ["ReceivedAt"] = payload.ReceivedAt,
            ["ArchiveBlob"] = payload.ArchiveBlob,
            ["DeliveryId"] = StorageKeys.Clip(payload.DeliveryId),
            ["Reason"] = payload.Reason.Length > 1000 ? payload.Reason[..1000] : payload.Reason,
        };
        await StorageCall.TryCreateAsync(() => storage.Quarantine.AddEntityAsync(entity, cancellationToken));
    }

    /// <summary>Newest first, optionally for one channel; at most <paramref name="take"/> rows.</summary>
    public async Task<IReadOnlyList<QuarantinedPayload>> ListAsync(string? channel, int take, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var filter = channel is null ? null : TableFilter.Partition(TableKeys.Escape(channel));
        var result = new List<QuarantinedPayload>();
        await foreach (var row in storage.Quarantine.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(ToPayload(row));
            if (result.Count >= take)
            {
                break;
            }
        }

        return result.OrderByDescending(r => r.ReceivedAt).ToList();
    }

    /// <summary>One quarantined payload, or null when the id is unknown (or already requeued).</summary>
    public async Task<QuarantinedPayload?> GetAsync(string channel, string id, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var row = await StorageCall.TryGetAsync(async () => (await storage.Quarantine.GetEntityAsync<TableEntity>(TableKeys.Escape(channel), id, cancellationToken: cancellationToken)).Value);
        return row is null ? null : ToPayload(row);
    }

    /// <summary>Removes a payload once it was read again and forwarded; already gone (404) is fine.</summary>
    public async Task RemoveAsync(string channel, string id, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        await StorageCall.RunAsync(() => storage.Quarantine.DeleteEntityAsync(TableKeys.Escape(channel), id, cancellationToken: cancellationToken));
    }

    private static QuarantinedPayload ToPayload(TableEntity row) => new(
        TableKeys.Unescape(row.PartitionKey),
        row.GetString("Store"),
        row.GetDateTimeOffset("ReceivedAt") ?? default,
        row.GetString("ArchiveBlob"),
        row.GetString("DeliveryId"),
        row.GetString("Reason"),
        row.RowKey);
}
