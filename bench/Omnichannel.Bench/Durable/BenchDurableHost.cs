using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.LocalHost.Configuration;
using Omnichannel.LocalHost.Durable;
using Omnichannel.Storage.Telemetry;
using Omnichannel.Testing;

namespace Omnichannel.Bench.Durable;

/// <summary>
/// One local durable engine (the LocalHost's, as <c>dotnet run</c> serves it) with its own task hub on the bench's
/// Azurite, the bench's orchestrations, and its storage requests counted by service.
/// </summary>
internal sealed class BenchDurableHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly LocalDurableEngine _engine;

    private BenchDurableHost(string name, ServiceProvider services, StorageRequestCounter requests)
    {
        Name = name;
        _services = services;
        _engine = services.GetRequiredService<LocalDurableEngine>();
        Client = services.GetRequiredService<DurableTaskClient>();
        Requests = requests;
        Settings = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LocalDurableOptions>>().Value;
    }

    public string Name { get; }

    public DurableTaskClient Client { get; }

    public StorageRequestCounter Requests { get; }

    public LocalDurableOptions Settings { get; }

    /// <summary>The <c>extensions.durableTask</c> section of the app's host.json (copied next to the bench), as key/value pairs under it.</summary>
    public static Dictionary<string, string?> AppHostJsonDurableTask()
    {
        var prefix = LocalDurableOptions.Section + ":";
        return new ConfigurationBuilder().AddHostJson(AppContext.BaseDirectory).Build().AsEnumerable()
            .Where(p => p.Value is not null && p.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Starts an engine with <paramref name="durableTask"/> as host.json's <c>extensions.durableTask</c> (its hub name replaced by a fresh one).</summary>
    public static async Task<BenchDurableHost> StartAsync(string name, string connectionString, IReadOnlyDictionary<string, string?> durableTask, CancellationToken cancellationToken)
    {
        var values = durableTask.ToDictionary(p => $"{LocalDurableOptions.Section}:{p.Key}", p => p.Value);
        values[$"{LocalDurableOptions.Section}:hubName"] = Unique.Name("bench" + name);
        values["AzureWebJobsStorage"] = connectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var requests = new StorageRequestCounter();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Error));
        services.AddLocalDurable(configuration, typeof(BenchDurableFunctions).GetMethods().Where(m => m.IsDefined(typeof(FunctionAttribute), inherit: false)));
        services.Configure<LocalDurableStorageClientOptions>(o => o.CountWith(requests));
        var provider = services.BuildServiceProvider();
        var host = new BenchDurableHost(name, provider, requests);
        await host._engine.StartAsync(cancellationToken);
        await host._engine.Started.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        return host;
    }

    /// <summary>Waits for the instance to end (the bench's status polls not counted as the engine's) and checks it completed.</summary>
    public async Task WaitCompletedAsync(string instanceId, CancellationToken cancellationToken)
    {
        var done = await Requests.UncountedAsync(() => Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: false, cancellationToken));
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"{Name}: instance {instanceId} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
