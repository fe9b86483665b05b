using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Omnichannel.Hosting.Health;
using Omnichannel.LocalHost.Triggers;
using Omnichannel.Storage.Connection;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Triggers;

public sealed class QueueListenerTests
{
    private static readonly QueueTriggerOptions Fast = new() { MaxPollingInterval = TimeSpan.FromMilliseconds(200), VisibilityTimeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task RunAsync_StorageUnreachable_KeepsRunningAndReportsBackingOffWithTheError()
    {
        // The SDK spends its retries on refused connections and throws AggregateException, which used to end the listener.
        await using var dead = new RefusingEndpoint();
        var account = StorageAccount.FromConnectionString(dead.ConnectionString);
        var health = new TriggerHealth(TimeProvider.System);
        var function = Recording.Queue("Work", Unique.Name("q"), Fast);
        using var stop = new CancellationTokenSource();
        var run = CreateSut(account, new Recorder(), function, health).RunAsync(stop.Token, CancellationToken.None);

        var state = await Eventually.ValueAsync(
            () => Task.FromResult(health.Snapshot().SingleOrDefault(s => s.Name == "Work")),
            s => s?.Status == TriggerStatus.BackingOff || run.IsCompleted,
            "the listener backing off");

        Assert.False(run.IsCompleted, run.Exception?.ToString());
        Assert.NotNull(state);
        Assert.Equal(TriggerStatus.BackingOff, state.Status);
        Assert.Equal("queue", state.Kind);
        Assert.NotNull(state.LastError);
        await stop.CancelAsync();
        await run;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_StorageDownThenBack_ReportsBackingOffThenResumesAndHandlesMessages(bool downAtStart)
    {
        // One loop for both outages: down before the queues exist and down later report alike, log the same
        // resumption, and handle what arrives once storage is back.
        await using var azurite = await PrivateAzurite.StartAsync();
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString);
        var health = new TriggerHealth(TimeProvider.System);
        var logger = new FakeLogger<QueueListener>();
        var (recorder, function) = (new Recorder(), Recording.Queue("Work", Unique.Name("q"), Fast));
        if (downAtStart)
        {
            await azurite.StopAsync();
        }

        using var stop = new CancellationTokenSource();
        var run = CreateSut(account, recorder, function, health, logger).RunAsync(stop.Token, CancellationToken.None);
        if (!downAtStart)
        {
            await WaitForStatusAsync(health, TriggerStatus.Running, run);
            await azurite.StopAsync();
        }

        var down = await WaitForStatusAsync(health, TriggerStatus.BackingOff, run);
        await azurite.RestartAsync();
        var up = await WaitForStatusAsync(health, TriggerStatus.Running, run);

        // Down at start, the listener created the queues once storage came back: sending to a missing queue fails.
        await account.Queues.GetQueueClient(function.QueueName).SendMessageAsync("after the outage");
        Assert.True(await recorder.Signal.WaitAsync(TimeSpan.FromSeconds(30)));
        var poisonExists = (await account.Queues.GetQueueClient(function.PoisonQueueName).ExistsAsync()).Value;
        await stop.CancelAsync();
        await run;

        Assert.Equal("queue", down.Kind);
        Assert.NotNull(down.LastError);
        Assert.NotNull(down.RetryAt);
        Assert.NotNull(up.LastError);
        Assert.Null(up.RetryAt);
        Assert.True(poisonExists);
        Assert.Equal("after the outage", Assert.Single(recorder.Messages).Body);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Id.Id == 1037 && r.Message == "Trigger Work resumed");
    }

    [Fact]
    public async Task RunAsync_HostKilledHoldingAMessage_AnotherHostHandlesItWithinTheDefaultVisibilityTimeout()
    {
        var defaults = new QueueTriggerOptions();
        var (account, recorder, function) = await ArrangeAsync(defaults with { MaxPollingInterval = TimeSpan.FromMilliseconds(200) });
        var queue = account.Queues.GetQueueClient(function.QueueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("held by a host that was killed");

        // What a killed host leaves behind: the message taken for the visibility timeout, never settled or renewed.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Single((await queue.ReceiveMessagesAsync(1, defaults.VisibilityTimeout)).Value);
        using var stop = new CancellationTokenSource();
        var run = CreateSut(account, recorder, function).RunAsync(stop.Token, CancellationToken.None);

        Assert.True(await recorder.Signal.WaitAsync(TimeSpan.FromSeconds(60)));
        var elapsed = watch.Elapsed;
        await stop.CancelAsync();
        await run;

        Assert.Equal(2, Assert.Single(recorder.Messages).DequeueCount);
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"The message came back after {elapsed}.");
    }

    [Fact]
    public async Task RunAsync_MessageQueued_HandledOnceAndDeleted()
    {
        var (account, recorder, function) = await ArrangeAsync(Fast);
        var queue = account.Queues.GetQueueClient(function.QueueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("{\"order\":42}");
        using var stop = new CancellationTokenSource();
        var run = CreateSut(account, recorder, function).RunAsync(stop.Token, CancellationToken.None);

        Assert.True(await recorder.Signal.WaitAsync(TimeSpan.FromSeconds(30)));
        await stop.CancelAsync();
        await run;

        var message = Assert.Single(recorder.Messages);
        Assert.Equal("{\"order\":42}", message.Body);
        Assert.Equal(1, message.DequeueCount);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task RunAsync_HandlerAlwaysFails_MovedToPoisonAfterMaxDequeueCountWithContentIntact()
    {
        var (account, recorder, function) = await ArrangeAsync(Fast with { MaxDequeueCount = 3 });
        recorder.Fail = true;
        var queue = account.Queues.GetQueueClient(function.QueueName);
        var poison = account.Queues.GetQueueClient(function.PoisonQueueName);
        await queue.CreateIfNotExistsAsync();
        const string body = "{\"sku\":\"AB/12#3\",\"note\":\"ünïcødé\"}";
        await queue.SendMessageAsync(body);
        using var stop = new CancellationTokenSource();
        var run = CreateSut(account, recorder, function).RunAsync(stop.Token, CancellationToken.None);

        var poisoned = await WaitForMessageAsync(poison);
        await stop.CancelAsync();
        await run;

        Assert.Equal(body, poisoned);
        Assert.Equal([1L, 2L, 3L], recorder.Messages.Select(m => m.DequeueCount).ToArray());
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task RunAsync_HandlerOutlivesVisibilityTimeout_VisibilityRenewedSoNoOtherHostSeesIt()
    {
        var (account, recorder, function) = await ArrangeAsync(Fast with { VisibilityTimeout = TimeSpan.FromSeconds(2) });
        recorder.Gate = new TaskCompletionSource();
        var queue = account.Queues.GetQueueClient(function.QueueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("long job");
        using var stop = new CancellationTokenSource();
        var run = CreateSut(account, recorder, function).RunAsync(stop.Token, CancellationToken.None);
        Assert.True(await recorder.Signal.WaitAsync(TimeSpan.FromSeconds(30)));

        // Another host polls for three visibility timeouts while the handler still runs.
        var seenByOther = 0;
        for (var poll = 0; poll < 12; poll++)
        {
            seenByOther += (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value.Length;
            await Task.Delay(500);
        }

        recorder.Gate.SetResult();
        await stop.CancelAsync();
        await run;
        Assert.Equal(0, seenByOther);
        Assert.Single(recorder.Messages);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task RunAsync_ShutdownDeadlineCutsHandlerShort_MessageReturnedToQueue()
    {
        var (account, recorder, function) = await ArrangeAsync(Fast with { VisibilityTimeout = TimeSpan.FromMinutes(5) });
        recorder.Gate = new TaskCompletionSource();
        var queue = account.Queues.GetQueueClient(function.QueueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("in flight at shutdown");
        using var stop = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();
        var run = CreateSut(account, recorder, function).RunAsync(stop.Token, abort.Token);
        Assert.True(await recorder.Signal.WaitAsync(TimeSpan.FromSeconds(30)));

        await stop.CancelAsync();
        await abort.CancelAsync();
        await run;

        // Visible again within seconds, although it was taken for five minutes.
        Assert.Equal("in flight at shutdown", await WaitForMessageAsync(queue));
    }

    [Fact]
    public async Task RunAsync_ShutdownWhileHandlerRuns_HandlerFinishesAndMessageDeleted()
    {
        var (account, recorder, function) = await ArrangeAsync(Fast);
        recorder.Gate = new TaskCompletionSource();
        var queue = account.Queues.GetQueueClient(function.QueueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("finish me");
        using var stop = new CancellationTokenSource();
        var run = CreateSut(account, recorder, function).RunAsync(stop.Token, CancellationToken.None);
        Assert.True(await recorder.Signal.WaitAsync(TimeSpan.FromSeconds(30)));

        await stop.CancelAsync();
        Assert.False(run.IsCompleted);
        recorder.Gate.SetResult();
        await run;

        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }

    private static async Task<string> WaitForMessageAsync(QueueClient queue)
    {
        var message = await Eventually.ValueAsync(
            async () => await queue.ExistsAsync() && (await queue.PeekMessagesAsync(1)).Value is [var peeked] ? peeked : null,
            m => m is not null,
            $"a message in {queue.Name}");
        return message!.Body.ToString();
    }

    private static async Task<(StorageAccount Account, Recorder Recorder, QueueTarget Function)> ArrangeAsync(QueueTriggerOptions options) =>
        (await Azurite.AccountAsync(), new Recorder(), Recording.Queue("Work", Unique.Name("q"), options));

    private static async Task<TriggerState> WaitForStatusAsync(TriggerHealth health, string status, Task run)
    {
        var state = await Eventually.ValueAsync(
            () => Task.FromResult(health.Snapshot().SingleOrDefault(s => s.Name == "Work")),
            s => s?.Status == status || run.IsCompleted,
            $"the listener reporting {status}");
        Assert.False(run.IsCompleted, run.Exception?.ToString());
        return state!;
    }

    private static QueueListener CreateSut(StorageAccount account, Recorder recorder, QueueTarget function, TriggerHealth? health = null, ILogger<QueueListener>? logger = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(recorder)
            .BuildServiceProvider();
        return new QueueListener(function, account, services.GetRequiredService<IServiceScopeFactory>(), health ?? new TriggerHealth(TimeProvider.System), TimeProvider.System, logger ?? NullLogger<QueueListener>.Instance);
    }
}
