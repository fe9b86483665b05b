using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Hosting.Health;
using Omnichannel.LocalHost.Functions;
using Omnichannel.LocalHost.Tests.Functions;
using Omnichannel.LocalHost.Triggers;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Triggers;

public sealed class StandaloneTriggersTests
{
    [Fact]
    public async Task Start_QueueFunction_ListensAndHandsTheMessageToTheMethod()
    {
        var queueName = Unique.Name("inbox");
        var (sut, services) = await CreateSutAsync(queueName);
        var queue = services.GetRequiredService<Omnichannel.Storage.Connection.StorageAccount>().Queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hello from a channel");

        await sut.StartAsync(CancellationToken.None);
        var calls = services.GetRequiredService<SampleCalls>();
        var handled = await calls.Signal.WaitAsync(TimeSpan.FromSeconds(30));
        await sut.StopAsync(CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(["hello from a channel#1"], calls.Seen);
    }

    [Theory]
    [InlineData("AzureWebJobs:SampleQueue:Disabled")]
    [InlineData("AzureWebJobs.SampleQueue.Disabled")]
    public async Task Start_FunctionDisabledBySetting_NoListenerTakesMessages(string setting)
    {
        var queueName = Unique.Name("paused");
        var (sut, services) = await CreateSutAsync(queueName, (setting, "true"));
        var queue = services.GetRequiredService<Omnichannel.Storage.Connection.StorageAccount>().Queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("wait for it");

        await sut.StartAsync(CancellationToken.None);
        // A listener that took the message would signal within its first polls (50 ms, doubling to 2 s); the
        // enabled test above is the control that a listener does.
        var handled = await services.GetRequiredService<SampleCalls>().Signal.WaitAsync(TimeSpan.FromSeconds(3));
        await sut.StopAsync(CancellationToken.None);

        Assert.False(handled);
        Assert.Single((await queue.PeekMessagesAsync()).Value);
    }

    private static async Task<(StandaloneTriggers Sut, ServiceProvider Services)> CreateSutAsync(string queueName, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Samples:Queue"] = queueName,
            ["Samples:Schedule"] = "0 0 0 1 1 *",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var functions = new LocalFunctions(FunctionCatalog.Discover([typeof(SampleFunctions)]), configuration);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(await Azurite.AccountAsync())
            .AddSingleton(TimeProvider.System)
            .AddSingleton<TimerSingleton>()
            .AddSingleton<TriggerHealth>()
            .AddSingleton<SampleCalls>()
            .BuildServiceProvider();
        return (new StandaloneTriggers(functions, services, configuration, services.GetRequiredService<TriggerHealth>(), TimeProvider.System, NullLogger<StandaloneTriggers>.Instance), services);
    }
}
