using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Channels.Adapters.Generic;
using Omnichannel.Channels.Adapters.Pos;
using Omnichannel.Channels.Adapters.Shopify;

namespace Omnichannel.Channels.Outbound;

/// <summary>Registers <see cref="OptionalChannelCalls"/> and the adapters that have them (safe to call twice).</summary>
public static class OptionalChannelCallsExtensions
{
    public static IServiceCollection AddOptionalChannelCalls(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPickupApi, ShopifyPickupApi>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReturnApi, GenericReturnApi>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReturnApi, PosReturnApi>());
        services.TryAddSingleton<OptionalChannelCalls>();
        return services;
    }
}
