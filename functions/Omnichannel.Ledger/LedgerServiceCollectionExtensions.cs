using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Events;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Ledger.Alerts;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Configuration;
using Omnichannel.Ledger.Import;
using Omnichannel.Ledger.Sales;
using Omnichannel.Ledger.Stock;

namespace Omnichannel.Ledger;

/// <summary>
/// Registers the ledger feature's services and options. Its functions are the [Function] methods of
/// <c>StockFunctions</c>, <c>CatalogueFunctions</c>, <c>ImportFunctions</c>, <c>ReportFunctions</c> and
/// <c>AlertWebhookFunctions</c>.
/// </summary>
public static class LedgerServiceCollectionExtensions
{
    public static IServiceCollection AddLedger(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<LedgerOptions, LedgerOptionsValidator>(configuration, LedgerOptions.Section);
        services.AddSingleton<LedgerStorage>();
        services.AddSingleton<LocationStore>();
        services.AddSingleton<CatalogueStore>();
        services.AddSingleton<ListingMatcher>();
        services.AddSingleton<SalesStore>();
        services.AddEvents(configuration);
        services.AddSingleton<StockEffects>();
        services.AddSingleton(sp => sp.GetRequiredService<StockEffects>().Source);
        services.AddSingleton<StockLedger>();
        services.AddSingleton<StockReader>();

        services.AddSingleton<CatalogueImporter>();
        services.AddHttpClient(AlertWebhookFunctions.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
