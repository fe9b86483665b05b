using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Sync.State;

namespace Omnichannel.Sync.Pushing;

/// <summary>
/// Brings every listing of a SKU to the figure its channel rule gives now: reads the ledger's current view
/// (the listing's available-to-sell is the ledger's own computation: buffer, share, allowed locations),
/// claims the listings whose channel figure would change, pushes them together, and records each outcome.
/// </summary>
public sealed class StockSyncEngine(StockReader reader, SyncStateStore store, ListingClaims claims, ChannelPusher pusher, Microsoft.Extensions.Options.IOptions<Configuration.SyncOptions> options)
{
    /// <summary>Syncs one SKU from its current ledger state; <paramref name="force"/> names listings to push even if the state says they are right (drift).</summary>
    public async Task<SkuSyncResult> SyncSkuAsync(string sku, IReadOnlySet<string>? force, CancellationToken cancellationToken)
    {
        var view = await reader.GetAsync(sku, cancellationToken);
        return view is null ? new SkuSyncResult(sku, -1, [], 0) : await ApplyAsync(view, force, cancellationToken);
    }

    /// <summary>Syncs from a given view; a view older than one already recorded changes nothing.</summary>
    public async Task<SkuSyncResult> ApplyAsync(StockView view, IReadOnlySet<string>? force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var states = await store.ReadSkuAsync(view.Sku, cancellationToken);
        var claimed = await Task.WhenAll(view.Channels.Select(figure =>
        {
            var key = CatalogueStore.ListingKey(figure.Channel, figure.Account, figure.ChannelItemId);
            return claims.ClaimAsync(view.Sku, key, figure, view.Sequence, force?.Contains(key) == true, states.GetValueOrDefault(key), cancellationToken);
        }));

        var outcomes = new List<PushOutcome>();
        var round = claimed.OfType<ListingPush>().ToList();
        while (round.Count > 0)
        {
            var results = await pusher.PushAsync(round, cancellationToken);
            outcomes.AddRange(results);
            var next = await Task.WhenAll(results.Select(r => claims.CompleteAsync(r, cancellationToken)));
            round = next.OfType<ListingPush>().ToList();
        }

        return new SkuSyncResult(view.Sku, view.Sequence, outcomes, view.Channels.Count);
    }

    /// <summary>
    /// Re-syncs every SKU with a listing whose figure has not reached its channel (failed or interrupted pushes),
    /// <see cref="Configuration.SyncOptions.QueueBatchSize"/> SKUs at a time so that their pushes share batched calls.
    /// </summary>
    public async Task<int> RetryPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await store.PendingAsync(cancellationToken);
        var skus = pending.Select(p => p.Sku).Distinct(StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(
            skus,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.QueueBatchSize, CancellationToken = cancellationToken },
            async (sku, ct) => await SyncSkuAsync(sku, null, ct));
        return skus.Count;
    }
}

/// <summary>What one sync of a SKU did: the pushes made (with their outcomes) out of its listings.</summary>
public sealed record SkuSyncResult(string Sku, long Version, IReadOnlyList<PushOutcome> Pushes, int Listings);
