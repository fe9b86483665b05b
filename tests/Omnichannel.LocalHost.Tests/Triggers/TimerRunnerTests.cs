using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Hosting.Health;
using Omnichannel.LocalHost.Triggers;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Triggers;

public sealed class TimerRunnerTests
{
    private const int TimerRunningEvent = 1020;
    private const int TimerSkippedEvent = 1021;

    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 5, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_ClockReachesTicks_RunsHandlerOncePerTick()
    {
        var recorder = new Recorder();
        var time = new FakeTimeProvider(Start);
        var function = Recording.Timer(Unique.Name("timer"), "*/10 * * * * *", false);
        using var stop = new CancellationTokenSource();
        var run = (await CreateSutAsync(function, recorder, time)).RunAsync(stop.Token);

        await AdvanceUntilAsync(time, recorder, count: 2);

        await stop.CancelAsync();
        await run;
        Assert.Equal([Start.AddSeconds(5), Start.AddSeconds(15)], recorder.Ticks.Select(t => t.ScheduledFor).ToArray());
        Assert.All(recorder.Ticks, t => Assert.False(t.IsPastDue));
        Assert.Equal(Start.AddSeconds(5), recorder.Ticks.Last().Last);
    }

    [Fact]
    public async Task RunAsync_TwoHostsShareStorage_EachTickRunsOnce()
    {
        var recorder = new Recorder();
        var time = new FakeTimeProvider(Start);
        var function = Recording.Timer(Unique.Name("shared"), "*/10 * * * * *", false);
        var (logsA, logsB) = (new FakeLogger<TimerRunner>(), new FakeLogger<TimerRunner>());
        using var stop = new CancellationTokenSource();
        var hostA = (await CreateSutAsync(function, recorder, time, logsA)).RunAsync(stop.Token);
        var hostB = (await CreateSutAsync(function, recorder, time, logsB)).RunAsync(stop.Token);

        await AdvanceUntilAsync(time, recorder, count: 3);
        // Judge only once both hosts have decided every tick (run it or skipped it): a second run cannot come later.
        DateTimeOffset[] ticks = [Start.AddSeconds(5), Start.AddSeconds(15), Start.AddSeconds(25)];
        await Eventually.UntilAsync(() => ticks.All(t => Decided(logsA, t) && Decided(logsB, t)), "both hosts deciding every tick");

        await stop.CancelAsync();
        await Task.WhenAll(hostA, hostB);
        Assert.Equal(ticks, recorder.Ticks.Select(t => t.ScheduledFor).Order().ToArray());
    }

    [Fact]
    public async Task RunAsync_RunOnStartup_RunsBeforeFirstTick()
    {
        var recorder = new Recorder();
        var time = new FakeTimeProvider(Start);
        var function = Recording.Timer(Unique.Name("startup"), "0 0 * * * *", true);
        using var stop = new CancellationTokenSource();
        var run = (await CreateSutAsync(function, recorder, time)).RunAsync(stop.Token);

        Assert.True(await recorder.Signal.WaitAsync(TimeSpan.FromSeconds(30)));

        await stop.CancelAsync();
        await run;
        Assert.Equal(Start, Assert.Single(recorder.Ticks).ScheduledFor);
    }

    [Fact]
    public async Task RunAsync_TickMissedWhileNoHostRan_RunsOncePastDueAtStart()
    {
        var recorder = new Recorder();
        var time = new FakeTimeProvider(Start);
        var function = Recording.Timer(Unique.Name("missed"), "0 0 * * * *", false);
        var account = await Azurite.AccountAsync();
        var singleton = new TimerSingleton(account);
        var missed = Start.AddMinutes(-30);
        await using (var claim = await singleton.TryClaimAsync(function.Name, Start.AddHours(-1), CancellationToken.None))
        {
            await claim!.CompleteAsync(new TimerStatus(Start.AddHours(-1), missed), CancellationToken.None);
        }

        using var stop = new CancellationTokenSource();
        var run = (await CreateSutAsync(function, recorder, time)).RunAsync(stop.Token);
        Assert.True(await recorder.Signal.WaitAsync(TimeSpan.FromSeconds(30)));
        await stop.CancelAsync();
        await run;

        var tick = Assert.Single(recorder.Ticks);
        Assert.Equal(missed, tick.ScheduledFor);
        Assert.True(tick.IsPastDue);
    }

    [Fact]
    public void Parse_FiveFieldExpression_ThrowsNamingTheTimer()
    {
        var function = Recording.Timer("Nightly", "0 3 * * *", false);

        var error = Assert.Throws<InvalidOperationException>(() => TimerRunner.Parse(function));

        Assert.Contains("Nightly", error.Message, StringComparison.Ordinal);
        Assert.Contains("six-field", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Moves the fake clock to each of the next <paramref name="count"/> ten-second ticks and waits for the
    /// handler. Landing exactly on the tick keeps it on time whether or not the runner was already waiting.
    /// </summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Recorder recorder, int count)
    {
        for (var tick = 1; tick <= count; tick++)
        {
            var next = Start.AddSeconds(5 + (10 * (tick - 1)));
            time.Advance(next - time.GetUtcNow());
            Assert.True(await recorder.Signal.WaitAsync(TimeSpan.FromSeconds(30)), $"tick {tick} did not run");
        }

        Assert.Equal(count, recorder.Ticks.Count);
    }

    /// <summary>Whether the host logged running <paramref name="tick"/> or skipping it.</summary>
    private static bool Decided(FakeLogger<TimerRunner> logs, DateTimeOffset tick)
    {
        var at = tick.ToString("o", CultureInfo.InvariantCulture);
        return logs.Collector.GetSnapshot().Any(r => r.Id.Id is TimerRunningEvent or TimerSkippedEvent && r.Message.Contains(at, StringComparison.Ordinal));
    }

    private static async Task<TimerRunner> CreateSutAsync(TimerTarget function, Recorder recorder, TimeProvider time, ILogger<TimerRunner>? logger = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(recorder)
            .BuildServiceProvider();
        return new TimerRunner(
            function,
            new TimerSingleton(await Azurite.AccountAsync()),
            services.GetRequiredService<IServiceScopeFactory>(),
            new TriggerHealth(time),
            time,
            logger ?? NullLogger<TimerRunner>.Instance);
    }
}
