using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Sync.Configuration;
using Omnichannel.Sync.Feeds;
using Omnichannel.Sync.Http;
using Omnichannel.Sync.Pushing;
using Omnichannel.Sync.Reconciliation;
using Omnichannel.Sync.State;

namespace Omnichannel.Sync;

/// <summary>Registers the stock sync and feeds and declares their functions.</summary>
public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// Declares the queue function <c>SyncStockChanged</c> on <c>Ledger:StockChangedQueue</c>, the timers
    /// <c>SyncRetry</c>, <c>SyncReconcile</c> and <c>SyncFeeds</c>, and (function key) <c>GET /api/sync/status</c>,
    /// <c>POST /api/sync/reconcile</c>, <c>GET /api/feeds/{name}</c>, <c>POST /api/feeds/{name}/generate</c>,
    /// <c>PUT /api/feeds/prices/{sku}</c>.
    /// </summary>
    public static IServiceCollection AddSync(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SyncOptions.Section);
        services.AddOptions<SyncOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>();
        var options = new SyncOptions();
        section.Bind(options);

        services.AddSingleton<SyncStorage>();
        services.AddSingleton<SyncStateStore>();
        services.AddSingleton<ListingQuantityMapper>();
        services.AddSingleton<ChannelPusher>();
        services.AddSingleton<ListingClaims>();
        services.AddSingleton<StockSyncEngine>();
        services.AddSingleton<StockReaders>();
        services.AddSingleton<Reconciler>();
        services.AddSingleton<PriceList>();
        services.AddSingleton<FeedStore>();
        services.AddSingleton<FeedGenerator>();

        var queue = configuration["Ledger:StockChangedQueue"] ?? "stock-changed";
        services.AddQueueFunction<StockChangedHandler>("SyncStockChanged", queue, new QueueTriggerOptions { BatchSize = Math.Clamp(options.QueueBatchSize, 1, 32), MaxDequeueCount = 10, RetryDelay = TimeSpan.FromSeconds(5) });
        services.AddTimerFunction<SyncRetryTimer>("SyncRetry", options.RetrySchedule);
        services.AddTimerFunction<ReconcileTimer>("SyncReconcile", options.ReconcileSchedule);
        services.AddHttpFunction("SyncStatus", "sync/status", AuthorizationLevel.Function, SyncStatusEndpoints.GetAsync, "GET");
        services.AddHttpFunction("SyncReconcileNow", "sync/reconcile", AuthorizationLevel.Function, ReconcileAsync, "POST");
        services.AddTimerFunction<FeedTimer>("SyncFeeds", options.FeedSchedule);
        services.AddHttpFunction("FeedGet", "feeds/{name}", AuthorizationLevel.Function, FeedEndpoints.GetAsync, "GET");
        services.AddHttpFunction("FeedGenerate", "feeds/{name}/generate", AuthorizationLevel.Function, FeedEndpoints.GenerateAsync, "POST");
        services.AddHttpFunction("FeedPricePut", "feeds/prices/{sku}", AuthorizationLevel.Function, FeedEndpoints.PutPriceAsync, "PUT");
        return services;
    }

    private static Delegate ReconcileAsync => async (Reconciler reconciler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reconciler.RunAsync(cancellationToken));
}
