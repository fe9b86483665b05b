using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Configuration;
using Omnichannel.LocalHost.Triggers;

namespace Omnichannel.LocalHost.Configuration;

/// <summary>
/// The app's <c>host.json</c>, read as the Functions host reads it: as configuration under
/// <c>AzureFunctionsJobHost</c> (so <c>AzureFunctionsJobHost__extensions__durableTask__hubName</c> overrides it),
/// with the HTTP route prefix and the host-wide queue trigger settings taken from it.
/// </summary>
public static class HostJson
{
    public const string Section = "AzureFunctionsJobHost";
    public const string FileName = "host.json";

    /// <summary>Adds host.json below every other source; a missing file means the host's defaults.</summary>
    public static IConfigurationBuilder AddHostJson(this IConfigurationBuilder configuration, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = Path.Combine(folder ?? AppContext.BaseDirectory, FileName);
        if (!File.Exists(path))
        {
            return configuration;
        }

        IConfiguration file;
        try
        {
            file = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        }
        catch (InvalidDataException e)
        {
            throw new SettingException(FileName, $"is not valid JSON: {e.Message}", e);
        }

        var values = file.AsEnumerable().Where(p => p.Value is not null).ToDictionary(p => $"{Section}:{p.Key}", p => p.Value);
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = values });
        return configuration;
    }

    /// <summary>The HTTP route prefix, <c>api</c> unless host.json says otherwise.</summary>
    public static string RoutePrefix(IConfiguration configuration) =>
        configuration[$"{Section}:extensions:http:routePrefix"] ?? "api";

    /// <summary>
    /// The host-wide queue trigger settings: <c>batchSize</c>, <c>maxDequeueCount</c>, <c>maxPollingInterval</c>, and
    /// <c>visibilityTimeout</c>, which in Functions is the delay before a failed message is tried again; checked by
    /// <see cref="QueueTriggerOptionsValidator"/> (<see cref="OptionsValidationException"/> naming every bad setting).
    /// </summary>
    public static QueueTriggerOptions QueueOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection($"{Section}:extensions:queues");
        var defaults = new QueueTriggerOptions();
        var options = new QueueTriggerOptions
        {
            BatchSize = section.GetValue("batchSize", defaults.BatchSize),
            MaxDequeueCount = section.GetValue("maxDequeueCount", defaults.MaxDequeueCount),
            RetryDelay = section.GetValue("visibilityTimeout", defaults.RetryDelay),
            MaxPollingInterval = section.GetValue("maxPollingInterval", defaults.MaxPollingInterval),
        };
        var result = new QueueTriggerOptionsValidator().Validate(null, options);
        return result.Succeeded ? options : throw new OptionsValidationException(Options.DefaultName, typeof(QueueTriggerOptions), result.Failures);
    }
}
