using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Hosting.Health;
using Omnichannel.LocalHost.Functions;
using Omnichannel.LocalHost.Triggers;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Functions;

public sealed class TriggerTargetsTests
{
    private static readonly QueueTriggerOptions Fast = new() { MaxPollingInterval = TimeSpan.FromMilliseconds(200), VisibilityTimeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public void From_QueueNameSettingMissing_ThrowsNamingTheAppSetting()
    {
        var function = Sample("SampleQueue");

        var error = Assert.Throws<SettingException>(() => QueueTarget.From(function, Settings(), Fast));

        Assert.Equal("Samples__Queue", error.Setting);
        Assert.Contains("'SampleQueue'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_ScheduleSettingMissing_ThrowsNamingTheAppSetting()
    {
        var error = Assert.Throws<SettingException>(() => TimerTarget.From(Sample("SampleTimer"), Settings()));

        Assert.Equal("Samples__Schedule", error.Setting);
    }

    [Fact]
    public async Task From_QueueTriggerFunction_ListenerDeliversTheMessageToTheMethod()
    {
        var queueName = Unique.Name("sampleq");
        var target = QueueTarget.From(Sample("SampleQueue"), Settings(("Samples:Queue", queueName)), Fast);
        var account = await Azurite.AccountAsync();
        await using var services = new ServiceCollection().AddSingleton<SampleCalls>().BuildServiceProvider();
        var calls = services.GetRequiredService<SampleCalls>();
        var queue = account.Queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hello");
        using var stop = new CancellationTokenSource();
        var listener = new QueueListener(target, account, services.GetRequiredService<IServiceScopeFactory>(), new TriggerHealth(TimeProvider.System), TimeProvider.System, NullLogger<QueueListener>.Instance);
        var run = listener.RunAsync(stop.Token, CancellationToken.None);

        Assert.True(await calls.Signal.WaitAsync(TimeSpan.FromSeconds(30)));
        await stop.CancelAsync();
        await run;

        Assert.Equal(queueName, target.QueueName);
        Assert.Equal(["hello#1"], calls.Seen);
    }

    [Fact]
    public async Task From_TimerTriggerFunction_TickBecomesTimerInfo()
    {
        var target = TimerTarget.From(Sample("SampleTimer"), Settings(("Samples:Schedule", "0 0 3 * * *")));
        await using var services = new ServiceCollection().AddSingleton<SampleCalls>().BuildServiceProvider();
        var tick = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

        await target.RunAsync(services, new TimerInvocation("SampleTimer", tick, IsPastDue: true, Last: null), CancellationToken.None);

        Assert.Equal("0 0 3 * * *", target.Schedule);
        Assert.Equal(["tick past-due=True next=2026-12-02T03:00:00.0000000Z"], services.GetRequiredService<SampleCalls>().Seen);
    }

    private static LocalFunction Sample(string name) => FunctionCatalog.Discover([typeof(SampleFunctions)]).Single(f => f.Name == name);

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
