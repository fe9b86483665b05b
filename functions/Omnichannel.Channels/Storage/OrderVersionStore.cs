using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Model;
using Omnichannel.Storage.Errors;

namespace Omnichannel.Channels.Storage;

/// <summary>
/// Insert-first order dedupe in one partition per (channel, store): an order row (RowKey = order id) and a
/// version row per distinct content (RowKey = order id + fingerprint). A first sighting inserts both in one
/// transaction (one request) and is <see cref="OrderEventKind.New"/>; when that fails the order exists, and
/// inserting the version alone decides between an update and a duplicate. The version row records its kind and
/// stays <c>Forwarded = false</c> until queued, so a crash in between is repaired by the next sighting.
/// </summary>
public sealed class OrderVersionStore(ChannelStorage storage, IOptions<ChannelsOptions> options, TimeProvider time)
{
    /// <summary>Whether to forward this version (New or Stalled) and as what kind.</summary>
    public async Task<(ClaimOutcome Outcome, OrderEventKind Kind)> ClaimAsync(CanonicalOrder order, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = Partition(order);
        var orderRow = new TableEntity(partition, TableKeys.Bounded(order.ChannelOrderId)) { ["SeenAt"] = time.GetUtcNow() };
        var created = await TryTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, orderRow), new TableTransactionAction(TableTransactionActionType.Add, Version(order, fingerprint, OrderEventKind.New))],
            cancellationToken);
        if (created)
        {
            return (ClaimOutcome.New, OrderEventKind.New);
        }

        var kind = order.Status == ChannelOrderStatus.Cancelled ? OrderEventKind.Cancellation : OrderEventKind.Update;
        var version = Version(order, fingerprint, kind);
        if (await StorageCall.TryCreateAsync(() => storage.Dedupe.AddEntityAsync(version, cancellationToken)))
        {
            return (ClaimOutcome.New, kind);
        }

        var (outcome, row) = await DedupeStore.ReclaimAsync(storage.Dedupe, version.PartitionKey, version.RowKey, options.Value.RedeliveryGrace, time, cancellationToken);
        return (outcome, Enum.TryParse<OrderEventKind>(row?.GetString("Kind"), out var recorded) ? recorded : kind);
    }

    public Task MarkForwardedAsync(CanonicalOrder order, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var entity = new TableEntity(Partition(order), VersionKey(order, fingerprint)) { ["Forwarded"] = true };
        return StorageCall.RunAsync(() => storage.Dedupe.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken));
    }

    private TableEntity Version(CanonicalOrder order, string fingerprint, OrderEventKind kind) =>
        new(Partition(order), VersionKey(order, fingerprint)) { ["Kind"] = kind.ToString(), ["Forwarded"] = false, ["ClaimedAt"] = time.GetUtcNow() };

    private static string Partition(CanonicalOrder order) => TableKeys.Escape($"o|{order.Channel}|{order.Store}");

    private static string VersionKey(CanonicalOrder order, string fingerprint) => $"{TableKeys.Bounded(order.ChannelOrderId)}|{fingerprint}";

    private async Task<bool> TryTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await StorageCall.RunAsync(() => storage.Dedupe.SubmitTransactionAsync(actions, cancellationToken));
            return true;
        }
        catch (StorageException e) when (e.IsConflict)
        {
            return false;
        }
    }
}
