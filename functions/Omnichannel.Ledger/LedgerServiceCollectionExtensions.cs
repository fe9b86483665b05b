using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Ledger.Alerts;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Ledger.Http;
using Omnichannel.Ledger.Import;
using Omnichannel.Ledger.Sales;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger;

/// <summary>Registers the ledger feature and declares its functions.</summary>
public static class LedgerServiceCollectionExtensions
{
    public static IServiceCollection AddLedger(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LedgerOptions>().Bind(configuration.GetSection(LedgerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LedgerOptions>, LedgerOptionsValidator>();
        services.AddSingleton<LedgerStorage>();
        services.AddSingleton<LocationDirectory>();
        services.AddSingleton<CatalogueStore>();
        services.AddSingleton<ListingMatcher>();
        services.AddSingleton<AlertPublisher>();
        services.AddSingleton<SalesLedger>();
        services.AddSingleton<StockEffects>();
        services.AddSingleton<StockLedger>();
        services.AddSingleton<StockReader>();

        services.AddSingleton<CatalogueImporter>();
        services.AddStockFunctions().AddCatalogueFunctions().AddImportFunctions().AddReportFunctions();

        var webhook = configuration.GetSection(LedgerOptions.Section)[nameof(LedgerOptions.AlertWebhookUrl)];
        if (!string.IsNullOrWhiteSpace(webhook))
        {
            services.AddHttpClient(AlertWebhookHandler.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
            var queue = configuration.GetSection(LedgerOptions.Section)[nameof(LedgerOptions.AlertWebhookQueue)] ?? new LedgerOptions().AlertWebhookQueue;
            services.AddQueueFunction<AlertWebhookHandler>("LedgerAlertWebhook", queue, new QueueTriggerOptions { BatchSize = 4, MaxDequeueCount = 8, RetryDelay = TimeSpan.FromSeconds(30) });
        }

        return services;
    }
}
