using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichannel.LocalHost.Durable;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Durable;

/// <summary>A host running only the local durable engine over the test functions, on its own task hub on Azurite.</summary>
internal sealed class DurableTestHost : IAsyncDisposable
{
    private readonly IHost host;

    private DurableTestHost(IHost host, string hubName)
    {
        this.host = host;
        this.HubName = hubName;
    }

    public string HubName { get; }

    public DurableTaskClient Client => this.host.Services.GetRequiredService<DurableTaskClient>();

    public IServiceProvider Services => this.host.Services;

    public static IEnumerable<MethodInfo> FunctionsOf(params Type[] types) => types
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.IsDefined(typeof(FunctionAttribute)));

    public static async Task<DurableTestHost> StartAsync(
        TestRecorder recorder, string? hubName = null, Action<LocalDurableOptions>? configure = null, params Type[] functionTypes)
    {
        hubName ??= Unique.Name("hub");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await Azurite.ConnectionStringAsync(),
            [$"{LocalDurableOptions.Section}:hubName"] = hubName,
            [$"{LocalDurableOptions.Section}:storageProvider:partitionCount"] = "1",
            [$"{LocalDurableOptions.Section}:storageProvider:maxQueuePollingInterval"] = "00:00:00.500",
            [$"{LocalDurableOptions.Section}:storageProvider:workItemQueueVisibilityTimeout"] = "00:00:10",
        });
        builder.Services.AddSingleton(recorder);
        builder.Services.AddLocalDurable(builder.Configuration, FunctionsOf(functionTypes.Length > 0 ? functionTypes : [typeof(TestFunctions)]));
        if (configure is not null)
        {
            builder.Services.PostConfigure(configure);
        }

        var host = builder.Build();
        try
        {
            await host.StartAsync();
            await host.Services.GetRequiredService<LocalDurableEngine>().Started.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await DisposeHostAsync(host);
            throw;
        }

        return new DurableTestHost(host, hubName);
    }

    /// <summary>Starts an orchestration and waits (bounded) for it to finish.</summary>
    public async Task<OrchestrationMetadata> RunAsync(string name, object? input = null, string? instanceId = null, int seconds = 30)
    {
        var id = await this.Client.ScheduleNewOrchestrationInstanceAsync(name, input, new Microsoft.DurableTask.StartOrchestrationOptions(instanceId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await this.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    public async ValueTask DisposeAsync() => await DisposeHostAsync(this.host, deleteHub: false);

    /// <summary>Stops the engine, then (when asked) deletes the task hub's queues, tables and containers.</summary>
    public Task DisposeAsync(bool deleteHub) => DisposeHostAsync(this.host, deleteHub);

    private static async Task DisposeHostAsync(IHost host, bool deleteHub = false)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await host.StopAsync(timeout.Token);
            if (deleteHub)
            {
                await host.Services.GetRequiredService<LocalDurableTaskHub>().Service.DeleteAsync().WaitAsync(timeout.Token);
            }
        }
        finally
        {
            host.Dispose();
        }
    }
}
