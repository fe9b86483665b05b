using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Testing;

namespace Omnichannel.Channels.Tests.Support;

/// <summary>The feature's services without the web host: own storage names, a chosen clock, extra settings.</summary>
public static class ChannelServices
{
    public static async Task<ServiceProvider> CreateAsync(TimeProvider time, Dictionary<string, string?>? extra = null, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Channels:Ingestion:ArchiveContainer"] = Unique.Name("arch"),
            ["Channels:Ingestion:OrderQueue"] = Unique.Name("orders"),
            ["Channels:Ingestion:DeliveryQueue"] = Unique.Name("deliv"),
            ["Channels:Ingestion:DedupeTable"] = Unique.Name("dedupe"),
            ["Channels:Ingestion:QuarantineTable"] = Unique.Name("quar"),
            ["Channels:Ingestion:CursorTable"] = Unique.Name("cursor"),
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(await Azurite.AccountAsync());
        services.AddSingleton(time);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddChannels(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
