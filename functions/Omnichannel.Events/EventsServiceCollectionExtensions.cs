using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Omnichannel.Events.Configuration;
using Omnichannel.Events.Destinations;
using Omnichannel.Events.Dispatch;
using Omnichannel.Events.History;
using Omnichannel.Events.Outbox;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Storage.Connection;

namespace Omnichannel.Events;

/// <summary>
/// Registers the outbox, its dispatcher and the destinations the settings name (the Storage queue by default, the
/// Service Bus topic when <c>Events:ServiceBus:FullyQualifiedNamespace</c> is set, one webhook per
/// <c>Events:Webhooks:{name}</c>). Idempotent: the features that write outbox rows (ledger, orders) call it too.
/// Its functions are the [Function] methods of <see cref="EventsFunctions"/>.
/// </summary>
public static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(s => s.ServiceType == typeof(EventsMarker)))
        {
            return services;
        }

        services.AddSingleton<EventsMarker>();
        var section = configuration.GetSection(EventsOptions.Section);
        services.AddValidatedOptions<EventsOptions, EventsOptionsValidator>(configuration, EventsOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EventsStorage>();
        services.AddSingleton<DestinationStateStore>();
        services.AddSingleton<EventJournalStore>();
        services.AddSingleton<InternalQueueStore>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<OutboxSweeper>();
        services.TryAddSingleton<IOutboxSignal, PromptDispatch>();
        services.AddSingleton<EventOutbox>();
        services.AddSingleton(sp => sp.GetRequiredService<EventOutbox>().Source);
        services.AddHttpClient(WebhookDestination.ClientName, (sp, c) => c.Timeout = sp.GetRequiredService<IOptions<EventsOptions>>().Value.WebhookTimeout);

        // Which destinations exist is decided by the settings at start-up, as the Functions host decides its bindings.
        var o = section.Get<EventsOptions>() ?? new EventsOptions();
        if (!string.IsNullOrWhiteSpace(o.Queue))
        {
            services.AddSingleton<IEventDestination>(sp => new StorageQueueDestination(sp.GetRequiredService<StorageAccount>(), o.Queue, Source(sp)));
        }

        if (!string.IsNullOrWhiteSpace(o.ServiceBus.FullyQualifiedNamespace))
        {
            services.TryAddSingleton(sp => new ServiceBusClient(o.ServiceBus.FullyQualifiedNamespace, Credential(o.ServiceBus.ClientId)));
            services.TryAddSingleton(sp => sp.GetRequiredService<ServiceBusClient>().CreateSender(o.ServiceBus.Topic));
            services.AddSingleton<IEventDestination>(sp => new ServiceBusDestination(sp.GetRequiredService<ServiceBusSender>(), Source(sp)));
        }

        foreach (var name in section.GetSection("Webhooks").GetChildren().Select(c => c.Key))
        {
            services.AddSingleton<IEventDestination>(sp => new WebhookDestination(
                name,
                sp.GetRequiredService<IOptions<EventsOptions>>().Value.Webhooks[name],
                sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<TimeProvider>(),
                Source(sp)));
        }

        return services;
    }

    /// <summary>The app's managed identity, as for storage: a user-assigned client id, else DefaultAzureCredential (AZURE_CLIENT_ID).</summary>
    private static TokenCredential Credential(string? clientId) => string.IsNullOrWhiteSpace(clientId)
        ? new DefaultAzureCredential()
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));

    private static string Source(IServiceProvider sp) => sp.GetRequiredService<IOptions<EventsOptions>>().Value.Source;

    private sealed class EventsMarker;
}
