using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Hosting.Diagnostics;
using OpenTelemetry.Logs;

namespace Omnichannel.Functions.Diagnostics;

/// <summary>
/// Application Insights through OpenTelemetry, as Functions on Flex Consumption expects (<c>telemetryMode</c>
/// <c>OpenTelemetry</c> in host.json): the worker's traces, logs and metrics share the host's trace, so a webhook,
/// the order flow it starts and the channel calls it makes are one trace. Sent with the app's managed identity
/// (<c>AZURE_CLIENT_ID</c>), never an instrumentation key alone; off when no connection string is set (locally).
/// </summary>
public static class HubTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ClientIdSetting = "AZURE_CLIENT_ID";

    public static IServiceCollection AddHubTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        var clientId = configuration[ClientIdSetting];

        // Scopes become log properties: the correlation id of a request, the instance id of a flow's activity.
        services.Configure<OpenTelemetryLoggerOptions>(o => o.IncludeScopes = true);
        services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource(HubTracing.SourceName, HubTracing.DurableSourceName))
            .WithMetrics(m => m.AddMeter(HubTracing.SourceName))
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = connectionString;
                o.Credential = string.IsNullOrWhiteSpace(clientId) ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned) : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            });
        return services;
    }
}
