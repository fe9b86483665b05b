using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Storage.Connection;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Triggers;

public sealed class StandaloneTriggersTests
{
    [Fact]
    public async Task Start_QueueFunctionDeclared_HubListensAndHandlesMessages()
    {
        var recorder = new Recorder();
        var queueName = Unique.Name("inbox");
        await using var hub = await HubFactory.CreateAsync(services: services => services
            .AddSingleton(recorder)
            .AddQueueFunction<RecordingQueueHandler>("Inbox", queueName, new QueueTriggerOptions { MaxPollingInterval = TimeSpan.FromMilliseconds(200) }));
        using var client = hub.CreateClient();
        var queue = hub.Services.GetRequiredService<StorageAccount>().Queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("hello from a channel");

        Assert.True(await recorder.Signal.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("hello from a channel", Assert.Single(recorder.Messages).Body);
    }

    [Theory]
    [InlineData("AzureWebJobs:Paused:Disabled")]
    [InlineData("AzureWebJobs.Paused.Disabled")]
    public async Task Start_FunctionDisabledBySetting_NoListenerTakesMessages(string setting)
    {
        var recorder = new Recorder();
        var queueName = Unique.Name("paused");
        await using var hub = await HubFactory.CreateAsync(
            new Dictionary<string, string?> { [setting] = "true" },
            services => services
                .AddSingleton(recorder)
                .AddQueueFunction<RecordingQueueHandler>("Paused", queueName, new QueueTriggerOptions { MaxPollingInterval = TimeSpan.FromMilliseconds(200) }));
        using var client = hub.CreateClient();
        var queue = hub.Services.GetRequiredService<StorageAccount>().Queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("wait for it");

        Assert.False(await recorder.Signal.WaitAsync(TimeSpan.FromSeconds(2)));
        Assert.Single((await queue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task Start_UnderFunctionsHost_NoListenerTakesMessages()
    {
        var recorder = new Recorder();
        var queueName = Unique.Name("hosted");
        await using var hub = await HubFactory.CreateAsync(
            new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999" },
            services => services
                .AddSingleton(recorder)
                .AddQueueFunction<RecordingQueueHandler>("Hosted", queueName, new QueueTriggerOptions { MaxPollingInterval = TimeSpan.FromMilliseconds(200) }));
        using var client = hub.CreateClient();
        var queue = hub.Services.GetRequiredService<StorageAccount>().Queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("for the Functions host");

        Assert.False(await recorder.Signal.WaitAsync(TimeSpan.FromSeconds(2)));
        Assert.Single((await queue.PeekMessagesAsync()).Value);
    }
}
