using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Channels.Adapters.Allegro;
using Omnichannel.Channels.Adapters.Amazon;
using Omnichannel.Channels.Adapters.BigCommerce;
using Omnichannel.Channels.Adapters.Ebay;
using Omnichannel.Channels.Adapters.Etsy;
using Omnichannel.Channels.Adapters.Generic;
using Omnichannel.Channels.Adapters.Pos;
using Omnichannel.Channels.Adapters.Shopify;
using Omnichannel.Channels.Adapters.Walmart;
using Omnichannel.Channels.Adapters.WooCommerce;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Outbound;
using Omnichannel.Channels.Polling;
using Omnichannel.Channels.Storage;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.Channels;

/// <summary>Registers the channels feature.</summary>
public static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// Registers ingestion, polling and the outbound channel clients of every configured account. The functions are
    /// [Function] methods: <c>POST /api/webhooks/{channel}</c> and <c>POST /api/webhooks/{channel}/{store}</c>
    /// (anonymous: the channel's signature is the authentication) and <c>GET /api/webhooks/quarantine</c> (function
    /// key) in <see cref="WebhookFunctions"/>, the queue function that forwards handed-on deliveries in
    /// <see cref="DeliveryFunctions"/>, and the polling timer in <see cref="PollingFunctions"/>.
    /// </summary>
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<ChannelsOptions, ChannelsOptionsValidator>(configuration, ChannelsOptions.Section);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        var accounts = new ChannelAccounts(configuration);
        services.AddSingleton(accounts);
        services.AddSingleton<ChannelStorage>();
        services.AddSingleton<WebhookArchiveStore>();
        services.AddSingleton<DedupeStore>();
        services.AddSingleton<OrderVersionStore>();
        services.AddSingleton<QuarantineStore>();
        services.AddSingleton<ChannelMetrics>();
        services.AddSingleton<OrderIntake>();
        services.AddSingleton<WebhookAdapters>();
        services.AddSingleton<WebhookIngestor>();
        services.AddSingleton<WebhookRefusals>();
        services.AddSingleton<DeliveryForwarder>();

        services.AddSingleton<IWebhookAdapter, ShopifyWebhookAdapter>();
        services.AddSingleton<IWebhookAdapter, WooCommerceWebhookAdapter>();
        services.AddSingleton<IWebhookAdapter, PosWebhookAdapter>();
        services.AddSingleton<IWebhookAdapter, GenericWebhookAdapter>();
        services.AddSingleton<IWebhookAdapter, EtsyWebhookAdapter>();
        services.AddSingleton<IWebhookAdapter, WalmartWebhookAdapter>();
        services.AddSingleton<IWebhookAdapter, BigCommerceWebhookAdapter>();

        services.AddValidatedOptions<ChannelHttpOptions, ChannelHttpOptionsValidator>(configuration, ChannelHttpOptions.Section);
        services.AddSingleton<IChannelApi, ShopifyApi>();
        services.AddSingleton<IChannelApi, WooCommerceApi>();
        services.AddSingleton<IChannelApi, PosApi>();
        services.AddSingleton<IChannelApi, GenericApi>();
        services.AddSingleton<IChannelApi, AmazonApi>();
        services.AddSingleton<IChannelApi, EbayApi>();
        services.AddSingleton<IChannelApi, EtsyApi>();
        services.AddSingleton<IChannelApi, AllegroApi>();
        services.AddSingleton<IChannelApi, WalmartApi>();
        services.AddSingleton<IChannelApi, BigCommerceApi>();
        services.AddSingleton<ChannelClients>();
        AddStockApis(services);
        ChannelHttp.Register(services, accounts, account => account.Adapter == "shopify" ? new ShopifyThrottleHandler() : null);

        services.AddValidatedOptions<PollingOptions, PollingOptionsValidator>(configuration, PollingOptions.Section);
        services.AddSingleton<PollCursorStore>();
        services.AddSingleton<PollingRunner>();
        services.AddSingleton<IOrderPoller, ShopifyPoller>();
        services.AddSingleton<IOrderPoller, WooCommercePoller>();
        services.AddSingleton<IOrderPoller, AmazonPoller>();
        services.AddSingleton<IOrderPoller, EbayPoller>();
        services.AddSingleton<IOrderPoller, EtsyPoller>();
        services.AddSingleton<IOrderPoller, AllegroPoller>();
        services.AddSingleton<IOrderPoller, WalmartPoller>();
        services.AddSingleton<ReferenceResolver>();
        services.AddSingleton<IOrderFetcher, ShopifyOrderFetcher>();
        services.AddSingleton<IOrderFetcher, WooCommerceOrderFetcher>();
        services.AddSingleton<IOrderFetcher, EtsyOrderFetcher>();
        services.AddSingleton<IOrderFetcher, WalmartOrderFetcher>();
        services.AddSingleton<IOrderFetcher, BigCommerceOrderFetcher>();
        return services;
    }

    /// <summary>Stock reads (reconciliation) and batched stock calls, where each channel's API offers them.</summary>
    private static void AddStockApis(IServiceCollection services)
    {
        services.AddSingleton<ShopifyStockApi>();
        services.AddSingleton<EbayStockApi>();
        services.AddSingleton<AllegroStockApi>();
        services.AddSingleton<IChannelStockReadApi>(s => s.GetRequiredService<ShopifyStockApi>());
        services.AddSingleton<IChannelStockBatchApi>(s => s.GetRequiredService<ShopifyStockApi>());
        services.AddSingleton<IChannelStockReadApi>(s => s.GetRequiredService<EbayStockApi>());
        services.AddSingleton<IChannelStockBatchApi>(s => s.GetRequiredService<EbayStockApi>());
        services.AddSingleton<IChannelStockReadApi>(s => s.GetRequiredService<AllegroStockApi>());
        services.AddSingleton<IChannelStockBatchApi>(s => s.GetRequiredService<AllegroStockApi>());
        services.AddSingleton<IChannelStockReadApi, AmazonStockApi>();
        services.AddSingleton<IChannelStockReadApi, WalmartStockApi>();
        services.AddSingleton<IChannelStockReadApi, WooCommerceStockApi>();
        services.AddSingleton<IChannelStockReadApi, EtsyStockApi>();
        services.AddSingleton<IChannelStockReadApi, BigCommerceStockApi>();
        services.AddSingleton<ChannelStockClients>();
    }
}
