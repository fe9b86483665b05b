using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Channels.Adapters.Generic;
using Omnichannel.Channels.Adapters.Pos;
using Omnichannel.Channels.Adapters.Shopify;
using Omnichannel.Channels.Adapters.WooCommerce;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Storage;
using Omnichannel.Hosting.Declarations;

namespace Omnichannel.Channels;

/// <summary>Registers the channels feature and declares its functions.</summary>
public static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// Declares <c>POST /api/webhooks/{channel}</c> and <c>POST /api/webhooks/{channel}/{store}</c> (anonymous:
    /// the channel's signature is the authentication), <c>GET /api/webhooks/quarantine</c> (function key),
    /// the polling timer, and the outbound channel clients of every configured account.
    /// </summary>
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ChannelsOptions>()
            .Bind(configuration.GetSection(ChannelsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new ChannelAccounts(configuration));
        services.AddSingleton<ChannelStorage>();
        services.AddSingleton<WebhookArchive>();
        services.AddSingleton<DedupeTable>();
        services.AddSingleton<QuarantineTable>();
        services.AddSingleton<ChannelMetrics>();
        services.AddSingleton<OrderIntake>();
        services.AddSingleton<WebhookAdapters>();
        services.AddSingleton<WebhookIngestor>();

        services.AddSingleton<IWebhookAdapter, ShopifyWebhookAdapter>();
        services.AddSingleton<IWebhookAdapter, WooCommerceWebhookAdapter>();
        services.AddSingleton<IWebhookAdapter, PosWebhookAdapter>();
        services.AddSingleton<IWebhookAdapter, GenericWebhookAdapter>();

        services.AddHttpFunction("webhooks-receive", "webhooks/{channel}", AuthorizationLevel.Anonymous, ReceiveDefaultStore, "POST");
        services.AddHttpFunction("webhooks-receive-store", "webhooks/{channel}/{store}", AuthorizationLevel.Anonymous, WebhookEndpoints.ReceiveAsync, "POST");
        services.AddHttpFunction("webhooks-quarantine", "webhooks/quarantine", AuthorizationLevel.Function, WebhookEndpoints.ListQuarantineAsync, "GET");
        return services;
    }

    private static Delegate ReceiveDefaultStore =>
        (string channel, Microsoft.AspNetCore.Http.HttpContext context, WebhookIngestor ingestor, Microsoft.Extensions.Options.IOptions<ChannelsOptions> options, TimeProvider time, ILogger<WebhookIngestor> logger, CancellationToken cancellationToken) =>
            WebhookEndpoints.ReceiveAsync(channel, null, context, ingestor, options, time, logger, cancellationToken);
}
