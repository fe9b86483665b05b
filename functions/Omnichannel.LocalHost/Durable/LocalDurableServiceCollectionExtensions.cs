using System.Reflection;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Hosting.Health;
using Omnichannel.LocalHost.Configuration;

namespace Omnichannel.LocalHost.Durable;

public static class LocalDurableServiceCollectionExtensions
{
    /// <summary>
    /// Registers the local durable engine for the app's <c>[Function]</c> methods: the orchestrators and activities
    /// among <paramref name="functions"/> (checked now: a shape the engine cannot serve throws, naming the function
    /// and the parameter), the task hub from <c>AzureWebJobsStorage</c> and <see cref="LocalDurableOptions.Section"/>,
    /// the engine as a hosted service, and <see cref="LocalDurableTaskClient"/> as the singleton
    /// <see cref="DurableTaskClient"/>.
    /// </summary>
    public static IServiceCollection AddLocalDurable(this IServiceCollection services, IConfiguration configuration, IEnumerable<MethodInfo> functions)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var catalog = new DurableFunctionCatalog(functions);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TriggerHealth>();
        services.AddSingleton(catalog);
        services.AddValidatedOptions<LocalDurableOptions, LocalDurableOptionsValidator>(configuration, LocalDurableOptions.Section)
            .Configure(o => o.ConnectionString ??= configuration["AzureWebJobsStorage"]);
        services.AddSingleton<LocalDurableTaskHub>();
        services.AddSingleton<LocalDurableEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalDurableEngine>());
        services.AddSingleton<LocalDurableTaskClient>();
        services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<LocalDurableTaskClient>());
        return services;
    }
}
