using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Omnichannel.Hosting.Declarations;

/// <summary>How features declare their functions: one call each, in the feature's own registration.</summary>
public static class FunctionServiceCollectionExtensions
{
    public static IServiceCollection AddHttpFunction(
        this IServiceCollection services, string name, string route, AuthorizationLevel authLevel, Delegate handler, params string[] methods)
    {
        ArgumentNullException.ThrowIfNull(route);
        var verbs = methods.Length == 0 ? ["GET"] : methods.Select(m => m.ToUpperInvariant()).ToArray();
        return services.AddFunction(new HttpFunction(name, route.TrimEnd('/'), verbs, authLevel, handler));
    }

    public static IServiceCollection AddTimerFunction<THandler>(this IServiceCollection services, string name, string schedule, bool runOnStartup = false)
        where THandler : class, ITimerHandler
    {
        services.TryAddScoped<THandler>();
        return services.AddFunction(new TimerFunction(name, schedule, runOnStartup, typeof(THandler)));
    }

    public static IServiceCollection AddQueueFunction<THandler>(this IServiceCollection services, string name, string queueName, QueueTriggerOptions? options = null)
        where THandler : class, IQueueHandler
    {
        options ??= new QueueTriggerOptions();
        options.Validate(name);
        services.TryAddScoped<THandler>();
        return services.AddFunction(new QueueFunction(name, queueName, options, typeof(THandler)));
    }

    private static IServiceCollection AddFunction(this IServiceCollection services, FunctionDefinition definition)
    {
        if (!FunctionDefinition.IsValidName(definition.Name))
        {
            throw new ArgumentException($"'{definition.Name}' is not a valid function name: start with a letter, then letters, digits, '-' or '_'.", nameof(definition));
        }

        return services.AddSingleton(definition);
    }
}
