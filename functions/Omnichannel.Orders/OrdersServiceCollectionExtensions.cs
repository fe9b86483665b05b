using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Channels.Outbound;
using Omnichannel.Events;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Orders.Configuration;
using Omnichannel.Orders.Events;
using Omnichannel.Orders.Fulfilment;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Returns;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders;

/// <summary>Registers the order flow and its operations API.</summary>
public static class OrdersServiceCollectionExtensions
{
    /// <summary>
    /// Registers the services and options of the order flow. Its functions are declared where they live, with
    /// the worker's attributes: <see cref="Intake.IntakeFunctions"/> (queues <c>OrdersIntakeReceive</c>,
    /// <c>OrdersBackordersWake</c>), <see cref="Flow.OrderFlow"/> and <see cref="OrderReturnFlow"/> (orchestrators)
    /// with their activities (<c>Activities/</c>, <c>Returns/</c>), <see cref="Http.OrderFunctions"/> and
    /// <see cref="ReturnFunctions"/> (HTTP, function key).
    /// </summary>
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<OrdersOptions, OrdersOptionsValidator>(configuration, OrdersOptions.Section);
        services.AddEvents(configuration);
        services.TryAddSingleton<OrderEventRecorder>();
        services.TryAddSingleton<OrderStore>();
        services.TryAddSingleton<OrderReturnStore>();
        services.TryAddSingleton<OrderActionStore>();
        services.TryAddSingleton<OrderAlertStore>();
        services.TryAddSingleton<BackorderStore>();
        services.TryAddSingleton<ArchivedOrderReader>();
        services.TryAddSingleton<LocationPlanner>();
        services.TryAddSingleton<FulfilmentSender>();
        services.TryAddSingleton<ReportOnce>();
        services.AddOptionalChannelCalls();
        services.TryAddSingleton<IOrderChannels, ChannelClientsAdapter>();
        services.AddHttpClient(FulfilmentSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));

        return services;
    }
}
