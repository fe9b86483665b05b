using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Omnichannel.Durable.Activities;
using Omnichannel.Durable.Client;
using Omnichannel.Durable.Dispatch;
using Omnichannel.Durable.Http;
using Omnichannel.Durable.Orchestration;
using Omnichannel.Durable.Registration;

namespace Omnichannel.Durable;

/// <summary>
/// Registers the durable runtime (client, dispatcher as a hosted service, management routes) and the
/// orchestrators and activities it runs, in the style of durabletask-dotnet:
/// <code>
/// services.AddDurable(configuration);
/// services.AddOrchestrator&lt;OrderFlow&gt;("OrderFlow");
/// services.AddActivity&lt;ReserveStock&gt;("ReserveStock");
/// </code>
/// </summary>
public static class DurableServiceCollectionExtensions
{
    public static IServiceCollection AddDurable(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(DurableRuntime)))
        {
            return services;
        }

        services.AddOptions<DurableOptions>()
            .Bind(configuration.GetSection(DurableOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DurableOptions>, DurableOptionsValidator>());
        services.TryAddSingleton<DurableRuntime>();
        services.TryAddSingleton<DurableRegistry>();
        services.TryAddSingleton(sp => new DurableClient(sp.GetRequiredService<DurableRuntime>()));
        services.TryAddSingleton<DurableWorker>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DurableWorker>());
        services.AddDurableHttpApi();
        return services;
    }

    /// <summary>Registers an orchestrator class (resolved from DI per episode) under a name.</summary>
    public static IServiceCollection AddOrchestrator<TOrchestrator>(this IServiceCollection services, string? name = null)
        where TOrchestrator : class, ITaskOrchestrator
    {
        services.TryAddTransient<TOrchestrator>();
        return services.AddSingleton(new OrchestratorRegistration(name ?? typeof(TOrchestrator).Name, sp => sp.GetRequiredService<TOrchestrator>()));
    }

    /// <summary>Registers an orchestrator function under a name.</summary>
    public static IServiceCollection AddOrchestrator<TInput, TOutput>(this IServiceCollection services, string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> orchestrator) =>
        services.AddSingleton(new OrchestratorRegistration(name, _ => new FuncOrchestrator<TInput, TOutput>(orchestrator)));

    /// <summary>Registers an activity class (resolved from a DI scope per run) under a name.</summary>
    public static IServiceCollection AddActivity<TActivity>(this IServiceCollection services, string? name = null)
        where TActivity : class, ITaskActivity
    {
        services.TryAddScoped<TActivity>();
        return services.AddSingleton(new ActivityRegistration(name ?? typeof(TActivity).Name, sp => sp.GetRequiredService<TActivity>()));
    }

    /// <summary>Registers an activity function under a name.</summary>
    public static IServiceCollection AddActivity<TInput, TOutput>(this IServiceCollection services, string name, Func<TaskActivityContext, TInput, Task<TOutput>> activity) =>
        services.AddSingleton(new ActivityRegistration(name, _ => new FuncActivity<TInput, TOutput>(activity)));

    private sealed class DurableOptionsValidator : IValidateOptions<DurableOptions>
    {
        public ValidateOptionsResult Validate(string? name, DurableOptions options) =>
            options.Invalid() is { } invalid
                ? ValidateOptionsResult.Fail($"Setting '{DurableOptions.Section}:{invalid}' is out of range (see DurableOptions.{invalid}).")
                : ValidateOptionsResult.Success;
    }
}
