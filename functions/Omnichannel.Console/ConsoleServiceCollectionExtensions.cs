using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Hosting.Configuration;
using Omnichannel.OperationsConsole.Assets;
using Omnichannel.OperationsConsole.Configuration;
using Omnichannel.OperationsConsole.Operations;

namespace Omnichannel.OperationsConsole;

/// <summary>Registers the operations console.</summary>
public static class ConsoleServiceCollectionExtensions
{
    /// <summary>
    /// The console's services and settings (<see cref="ConsoleOptions"/>). Its functions: the page,
    /// <c>GET /api/console/{*path}</c> (<see cref="ConsoleFunctions"/>), and the read routes
    /// <c>GET /api/ops/orders-by-day|poison-queues|alerts</c> (<see cref="Operations.OpsFunctions"/>). It reads the
    /// other features' services, so it is added after them.
    /// </summary>
    public static IServiceCollection AddOperationsConsole(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<ConsoleOptions, ConsoleOptionsValidator>(configuration, ConsoleOptions.Section);
        services.TryAddSingleton<ConsoleAssets>();
        services.TryAddSingleton<PoisonQueueStore>();
        return services;
    }
}
