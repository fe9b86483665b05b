using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Omnichannel.Testing;

/// <summary>
/// The whole hub in memory (the real pipeline: routing, key filter, problem+json) on the test process's
/// Azurite, with storage names of its own (<see cref="TestStorage"/>). Pass settings to override; a test can swap
/// a seam it owns (a clock, a channel client) through the services callback.
/// </summary>
public sealed class HubFactory(string storageConnectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The local default keys from local.settings.sample.json.</summary>
    public const string FunctionKey = "local-function-key-change-me";
    public const string AdminKey = "local-admin-key-change-me";

    /// <summary>
    /// The defaults of the settings that trigger binding expressions read (<c>%Sync:RetrySchedule%</c>, queue names),
    /// as local.settings.sample.json and infra/modules/functionApp.bicep give them; a test's settings override them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> BindingDefaults = new Dictionary<string, string>
    {
        ["Ledger:AlertWebhookQueue"] = "stock-alerts-webhook",
        ["Ledger:StockChangedQueue"] = "stock-changed",
        ["Sync:RetrySchedule"] = "30 * * * * *",
        ["Sync:ReconcileSchedule"] = "0 */15 * * * *",
        ["Sync:FeedSchedule"] = "0 0 * * * *",
        ["Channels:Polling:Schedule"] = "0 */5 * * * *",
        ["Channels:Ingestion:OrderQueue"] = "channel-orders",
        ["Channels:Ingestion:DeliveryQueue"] = "channel-deliveries",
        ["Ledger:StockChangedCopyQueue"] = "stock-changed-orders",
        ["Events:SweepSchedule"] = "20 * * * * *",
    };

    public static async Task<HubFactory> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(await Azurite.ConnectionStringAsync(), settings, services);

    /// <summary>A client that sends the function key.</summary>
    public HttpClient CreateFunctionClient() => WithKey(FunctionKey);

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient CreateAdminClient() => WithKey(AdminKey);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Hub:UseLocalSettings", "false");
        builder.UseSetting("AzureWebJobsStorage", storageConnectionString);
        builder.UseSetting("Hub:FunctionKey", FunctionKey);
        builder.UseSetting("Hub:AdminKey", AdminKey);
        foreach (var (name, value) in BindingDefaults)
        {
            builder.UseSetting(name, value);
        }

        // Storage of its own unless the test names it (a test sharing storage between two hosts passes the same names).
        foreach (var (name, value) in TestStorage.UniqueNames(settings))
        {
            builder.UseSetting(name, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    private HttpClient WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }
}
