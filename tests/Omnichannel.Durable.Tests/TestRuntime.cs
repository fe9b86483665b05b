using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichannel.Durable.Client;
using Omnichannel.Durable.Dispatch;
using Omnichannel.Durable.Model;
using Omnichannel.Storage.Connection;
using Omnichannel.Testing;

namespace Omnichannel.Durable.Tests;

/// <summary>Storage names of one test; two runtimes given the same names share the work.</summary>
internal sealed record DurableNames(string Table, string Quarantine, string Queues, string Container)
{
    public static DurableNames Create() => new(Unique.Name("inst"), Unique.Name("quar"), Unique.Name("q"), Unique.Name("c"));
}

/// <summary>
/// One durable runtime (client + dispatcher) on the test Azurite with its own storage names, its own DI
/// container and clock. Polling is tightened so tests finish fast.
/// </summary>
internal sealed class TestRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IHostedService _worker;

    private TestRuntime(ServiceProvider services, DurableNames names)
    {
        _services = services;
        Names = names;
        _worker = services.GetRequiredService<DurableWorker>();
    }

    public DurableNames Names { get; }

    public DurableClient Client => _services.GetRequiredService<DurableClient>();

    public DurableWorker Worker => _services.GetRequiredService<DurableWorker>();

    public StorageAccount Storage => _services.GetRequiredService<StorageAccount>();

    public IServiceProvider Services => _services;

    public static async Task<TestRuntime> StartAsync(
        Action<IServiceCollection> register,
        TimeProvider? time = null,
        DurableNames? names = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        bool start = true)
    {
        names ??= DurableNames.Create();
        var values = new Dictionary<string, string?>
        {
            ["Durable:InstancesTable"] = names.Table,
            ["Durable:QuarantineTable"] = names.Quarantine,
            ["Durable:QueuePrefix"] = names.Queues,
            ["Durable:PayloadContainer"] = names.Container,
            ["Durable:MaxPollingInterval"] = "00:00:00.100",
            ["Durable:MaxTimerVisibility"] = "00:00:01",
            ["Durable:PoisonRetryDelay"] = "00:00:00",
            ["Durable:PartitionCount"] = "2",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(await Azurite.AccountAsync());
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddDurable(configuration);
        register(services);
        var runtime = new TestRuntime(services.BuildServiceProvider(), names);
        if (start)
        {
            await runtime.StartWorkerAsync();
        }

        return runtime;
    }

    public Task StartWorkerAsync() => _worker.StartAsync(CancellationToken.None);

    /// <summary>Stops the dispatcher abruptly: in-flight episodes are abandoned as if the process died.</summary>
    public Task StopWorkerAsync() => _worker.StopAsync(CancellationToken.None);

    public async Task<OrchestrationMetadata> RunAsync(string orchestrator, object? input = null, StartOrchestrationOptions? options = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, options);
        return await CompletionAsync(id);
    }

    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(instanceId, cancellationToken: cancel.Token);
    }

    /// <summary>Polls (real time) until the condition holds on the instance's history, e.g. a timer was scheduled.</summary>
    public async Task<IReadOnlyList<HistoryEvent>> HistoryWhenAsync(string instanceId, Func<IReadOnlyList<HistoryEvent>, bool> condition, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var history = await Client.GetHistoryAsync(instanceId, cancel.Token);
            if (condition(history))
            {
                return history;
            }

            await Task.Delay(25, cancel.Token);
        }
    }

    /// <summary>Polls (real time) until the instance has the status.</summary>
    public async Task<OrchestrationMetadata> StatusWhenAsync(string instanceId, OrchestrationRuntimeStatus status, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var metadata = await Client.GetInstanceAsync(instanceId, cancellationToken: cancel.Token);
            if (metadata?.RuntimeStatus == status)
            {
                return metadata;
            }

            await Task.Delay(25, cancel.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _worker.StopAsync(stop.Token);
        await _services.DisposeAsync();
    }
}
