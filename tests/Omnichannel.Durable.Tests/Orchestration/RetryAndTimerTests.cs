using Microsoft.Extensions.Time.Testing;
using Omnichannel.Durable.Dispatch;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Orchestration;

namespace Omnichannel.Durable.Tests.Orchestration;

public sealed class RetryAndTimerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CallActivityAsync_FailsTwiceWithBackoff_RetriesOnDurableTimersUnderFakeClock()
    {
        var time = new FakeTimeProvider(Start);
        var attempts = 0;
        var keys = new List<string>();
        await using var runtime = await TestRuntime.StartAsync(s =>
        {
            s.AddActivity<string?, string>("Flaky", (ctx, _) =>
            {
                keys.Add(ctx.IdempotencyKey);
                return ++attempts < 3 ? throw new InvalidOperationException("not yet") : Task.FromResult("done");
            });
            s.AddOrchestrator<string?, string>("Retrying", (ctx, _) => ctx.CallActivityAsync<string>(
                "Flaky", null, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMinutes(1)) { BackoffCoefficient = 2 })));
        }, time);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Retrying");
        var first = (await runtime.HistoryWhenAsync(id, h => Timers(h).Count == 1)).Where(e => e.Kind == HistoryEventKind.TimerCreated).Single();
        time.Advance(TimeSpan.FromMinutes(1));
        var second = Timers(await runtime.HistoryWhenAsync(id, h => Timers(h).Count == 2))[1];
        time.Advance(TimeSpan.FromMinutes(2));
        var result = await runtime.CompletionAsync(id);

        Assert.Equal(TimeSpan.FromMinutes(1), first.FireAt - first.Timestamp);
        Assert.Equal(TimeSpan.FromMinutes(2), second.FireAt - second.Timestamp);
        Assert.Equal("done", result.ReadOutputAs<string>());
        Assert.Equal(3, attempts);
        Assert.Single(keys.Distinct());
    }

    [Fact]
    public async Task CallActivityAsync_HandlePredicateRejects_FailsWithoutRetry()
    {
        var attempts = 0;
        await using var runtime = await TestRuntime.StartAsync(s =>
        {
            s.AddActivity<string?, string>("Fatal", (_, _) =>
            {
                attempts++;
                throw new ArgumentException("bad input");
            });
            s.AddOrchestrator<string?, string>("NoRetry", (ctx, _) => ctx.CallActivityAsync<string>(
                "Fatal", null, TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1)) { Handle = f => !f.IsCausedBy<ArgumentException>() })));
        });

        var result = await runtime.RunAsync("NoRetry");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(1, attempts);
        Assert.Contains("bad input", result.FailureDetails!.InnerFailure!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTimer_ShortTimer_FiresWhenTheClockReachesIt()
    {
        var time = new FakeTimeProvider(Start);
        await using var runtime = await TestRuntime.StartAsync(s => s.AddOrchestrator<string?, DateTime>("Sleeper", async (ctx, _) =>
        {
            await ctx.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
            return ctx.CurrentUtcDateTime;
        }), time);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Sleeper");
        await runtime.HistoryWhenAsync(id, h => Timers(h).Count == 1);
        time.Advance(TimeSpan.FromMinutes(5));
        var result = await runtime.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.True(result.ReadOutputAs<DateTime>() >= Start.UtcDateTime.AddMinutes(5));
    }

    [Fact]
    public async Task CreateTimer_LongerThanSevenDays_ReArmsUntilDueThenFires()
    {
        var time = new FakeTimeProvider(Start);
        await using var runtime = await TestRuntime.StartAsync(s => s.AddOrchestrator<string?, string>("LongSleeper", async (ctx, _) =>
        {
            await ctx.CreateTimer(TimeSpan.FromDays(10), CancellationToken.None);
            return "woke";
        }), time);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("LongSleeper");
        await runtime.HistoryWhenAsync(id, h => Timers(h).Count == 1);
        time.Advance(TimeSpan.FromDays(7));

        // The timer message comes back every MaxTimerVisibility (1 s here) and is hidden again: not due yet.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var early = await runtime.Client.GetHistoryAsync(id);
        time.Advance(TimeSpan.FromDays(3));
        var result = await runtime.CompletionAsync(id);

        Assert.DoesNotContain(early, e => e.Kind == HistoryEventKind.TimerFired);
        Assert.Equal("woke", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CreateTimer_ReArmedMoreOftenThanTheDequeueLimit_NotQuarantinedAndFires()
    {
        var time = new FakeTimeProvider(Start);
        var settings = new Dictionary<string, string?> { ["Durable:MaxDequeueCount"] = "2" };
        await using var runtime = await TestRuntime.StartAsync(
            s => s.AddOrchestrator<string?, string>("PatientSleeper", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromDays(30), CancellationToken.None);
                return "woke";
            }),
            time,
            settings: settings);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("PatientSleeper");
        await runtime.HistoryWhenAsync(id, h => Timers(h).Count == 1);

        // Visibility is real queue time: the message comes back every second (MaxTimerVisibility), four times
        // here, twice the dequeue limit; each return is a re-arm, not a failed attempt.
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        var waiting = await runtime.Client.GetInstanceAsync(id, false);
        time.Advance(TimeSpan.FromDays(30));
        var result = await runtime.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting?.RuntimeStatus);
        Assert.Equal("woke", result.ReadOutputAs<string>());
    }

    [Theory]
    [InlineData(240, 144)]
    [InlineData(1, 1)]
    [InlineData(-1, 0)]
    public void TimerDelay_CapsAtMaxTimerVisibility(int hoursUntilDue, int expectedHours)
    {
        var delay = Outbox.TimerDelay(Start.AddHours(hoursUntilDue), Start, TimeSpan.FromDays(6));

        Assert.Equal(TimeSpan.FromHours(expectedHours), delay);
    }

    private static List<HistoryEvent> Timers(IReadOnlyList<HistoryEvent> history) =>
        history.Where(e => e.Kind == HistoryEventKind.TimerCreated).ToList();
}
