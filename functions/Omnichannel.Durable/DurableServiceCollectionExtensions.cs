using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Omnichannel.Durable;

/// <summary>Registers the durable feature and declares its functions.</summary>
public static class DurableServiceCollectionExtensions
{
    public static IServiceCollection AddDurable(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
