using Microsoft.Extensions.Logging;
using Omnichannel.Channels.Outbound;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Storage.Errors;
using Omnichannel.Sync.Pushing;
using Omnichannel.Sync.State;

namespace Omnichannel.Sync.Reconciliation;

/// <summary>
/// Compares, for every listing in the catalogue, what its channel shows (where <see cref="StockReaders"/> has a
/// read for the channel) with what it should show now, records and logs each drift, and pushes the right figure. Listings
/// on channels without a reader are checked against the recorded state (a rule change, a lost push) instead.
/// </summary>
public sealed class Reconciler(
    CatalogueStore catalogue,
    StockReader reader,
    SyncStateStore store,
    StockSyncEngine engine,
    StockReaders readers,
    TimeProvider time,
    ILogger<Reconciler> logger)
{
    private const int PageSize = 1000;

    public async Task<ReconcileReport> RunAsync(CancellationToken cancellationToken)
    {
        var skus = new SortedSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await catalogue.ListListingsAsync(null, PageSize, token, cancellationToken);
            skus.UnionWith(page.Items.Select(l => l.Sku));
            token = page.ContinuationToken;
        }
        while (token is not null);

        var totals = new ReconcileReport(0, 0, 0, 0, 0, []);
        foreach (var sku in skus)
        {
            totals = totals.Add(await ReconcileSkuAsync(sku, cancellationToken));
        }

        Log.Reconciled(logger, totals.Listings, totals.Read, totals.Drifted, totals.Fixed, totals.Unreadable);
        return totals;
    }

    public async Task<ReconcileReport> ReconcileSkuAsync(string sku, CancellationToken cancellationToken)
    {
        var view = await reader.GetAsync(sku, cancellationToken);
        if (view is null)
        {
            return new ReconcileReport(0, 0, 0, 0, 0, []);
        }

        int read = 0, unreadable = 0;
        var drifts = new List<Drift>();
        foreach (var figure in view.Channels)
        {
            if (readers.For(figure.Channel) is not { } channel)
            {
                unreadable++;
                continue;
            }

            int? shown;
            try
            {
                shown = await channel.GetAvailableQuantityAsync(figure.Account, new ListingRef(figure.ChannelItemId, figure.SellerSku, sku), cancellationToken);
                read++;
            }
            catch (Exception e) when (e is ChannelApiException or HttpRequestException or TimeoutException or Hosting.Configuration.SettingException or ArgumentException)
            {
                Log.ReadFailed(logger, figure.Channel, figure.Account, figure.ChannelItemId, e.Message);
                continue;
            }

            if (shown is { } value && value != figure.AvailableToSell)
            {
                var key = CatalogueStore.ListingKey(figure.Channel, figure.Account, figure.ChannelItemId);
                if (await RecordDriftAsync(sku, key, figure, value, cancellationToken))
                {
                    drifts.Add(new Drift(figure.Channel, figure.Account, figure.ChannelItemId, sku, value, figure.AvailableToSell) { ListingKey = key });
                    Log.DriftFound(logger, figure.Channel, figure.Account, figure.ChannelItemId, sku, value, figure.AvailableToSell);
                }
            }
        }

        var force = drifts.Select(d => d.ListingKey).ToHashSet(StringComparer.Ordinal);
        var result = await engine.ApplyAsync(view, force, cancellationToken);
        var fixedCount = result.Pushes.Count(p => p.Error is null && force.Contains(p.Push.ListingKey));
        return new ReconcileReport(view.Channels.Count, read, drifts.Count, fixedCount, unreadable, drifts);
    }

    /// <summary>Records the drift on the listing's state; false when a push is in flight (its own result decides).</summary>
    private Task<bool> RecordDriftAsync(string sku, string key, ChannelAvailability figure, int shown, CancellationToken cancellationToken) =>
        StorageCall.RetryOnConflictAsync(async () =>
        {
            var state = await store.GetAsync(sku, key, cancellationToken);
            if (state?.ClaimId is not null)
            {
                return false;
            }

            var current = state ?? new ListingSyncState { Sku = sku, ListingKey = key, Channel = figure.Channel, Account = figure.Account, ChannelItemId = figure.ChannelItemId, SellerSku = figure.SellerSku };
            try
            {
                await store.WriteAsync(current with { Drifts = current.Drifts + 1, LastDriftAt = time.GetUtcNow(), LastDriftShown = shown }, cancellationToken);
            }
            catch (StorageException e) when (e.IsConflict)
            {
                throw StorageCall.Retry("Another writer created the listing's sync state first; re-reading.", e);
            }

            return true;
        });
}

/// <summary>What a reconciliation found and did.</summary>
/// <param name="Listings">Listings checked.</param>
/// <param name="Read">Listings whose channel figure could be read.</param>
/// <param name="Drifted">Listings whose channel showed another figure.</param>
/// <param name="Fixed">Drifted listings pushed successfully.</param>
/// <param name="Unreadable">Listings on channels without a stock read (checked against recorded state only).</param>
/// <param name="Drifts">Each drift.</param>
public sealed record ReconcileReport(int Listings, int Read, int Drifted, int Fixed, int Unreadable, IReadOnlyList<Drift> Drifts)
{
    public ReconcileReport Add(ReconcileReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Listings + other.Listings, Read + other.Read, Drifted + other.Drifted, Fixed + other.Fixed, Unreadable + other.Unreadable, [.. Drifts, .. other.Drifts]);
    }
}

/// <summary>One listing whose channel showed <see cref="Shown"/> instead of <see cref="Expected"/>.</summary>
public sealed record Drift(string Channel, string Account, string ChannelItemId, string Sku, int Shown, int Expected)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string ListingKey { get; init; } = string.Empty;
}
