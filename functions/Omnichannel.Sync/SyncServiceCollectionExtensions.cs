using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Sync.Configuration;
using Omnichannel.Sync.Feeds;
using Omnichannel.Sync.Pushing;
using Omnichannel.Sync.Reconciliation;
using Omnichannel.Sync.State;

namespace Omnichannel.Sync;

/// <summary>Registers the stock sync and feeds.</summary>
public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sync's services and options. Its functions are [Function] methods: the queue function
    /// <c>SyncStockChangePush</c> on <c>%Ledger:StockChangedQueue%</c> and the timer <c>SyncPushesRetry</c>
    /// (<see cref="PushFunctions"/>), the timer <c>SyncStockReconcile</c> and <c>POST /api/sync/reconcile</c>
    /// (<see cref="ReconcileFunctions"/>), <c>GET /api/sync/status</c> (<c>SyncStatusFunctions</c>), and the timer
    /// <c>SyncFeedsGenerate</c>, <c>GET /api/feeds/{name}</c>, <c>POST /api/feeds/{name}/generate</c> and
    /// <c>PUT /api/feeds/prices/{sku}</c> (<see cref="FeedFunctions"/>).
    /// </summary>
    public static IServiceCollection AddSync(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<SyncOptions, SyncOptionsValidator>(configuration, SyncOptions.Section);

        services.AddSingleton<SyncStorage>();
        services.AddSingleton<SyncStateStore>();
        services.AddSingleton<ListingQuantityMapper>();
        services.AddSingleton<ChannelPusher>();
        services.AddSingleton<ListingClaims>();
        services.AddSingleton<StockSyncEngine>();
        services.AddSingleton<StockReaders>();
        services.AddSingleton<Reconciler>();
        services.AddSingleton<PriceStore>();
        services.AddSingleton<FeedStore>();
        services.AddSingleton<FeedGenerator>();
        return services;
    }
}
