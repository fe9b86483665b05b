using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Channels;
using Omnichannel.Events;
using Omnichannel.Hosting.Health;
using Omnichannel.Hosting.Json;
using Omnichannel.Ledger;
using Omnichannel.OperationsConsole;
using Omnichannel.Orders;
using Omnichannel.Storage.Connection;
using Omnichannel.Sync;

namespace Omnichannel.Functions;

/// <summary>
/// The app's composition: storage, clock, JSON and every feature's services. The isolated worker calls it on
/// Azure; the local host calls the same method, so both serve one app.
/// </summary>
public static class HubServices
{
    public static IServiceCollection AddHub(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Reading the setting here (no I/O) makes a missing storage setting fail at start-up, by name.
        services.TryAddSingleton(StorageAccount.FromConfiguration(configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TriggerHealth>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => HubJson.ConfigureHttp(o.SerializerOptions));

        services.AddEvents(configuration);
        services.AddLedger(configuration);
        services.AddChannels(configuration);
        services.AddSync(configuration);
        services.AddOrders(configuration);
        services.AddOperationsConsole(configuration);
        return services;
    }
}
