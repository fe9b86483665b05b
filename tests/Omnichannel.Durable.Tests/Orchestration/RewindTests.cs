using Microsoft.Extensions.Time.Testing;
using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Tests.Orchestration;

public sealed class RewindTests
{
    [Fact]
    public async Task RewindInstanceAsync_AfterTheFaultIsFixed_ResumesFromTheFailedStepKeepingTimersAndEarlierSteps()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var recorder = new Recorder();
        var broken = true;
        await using var runtime = await TestRuntime.StartAsync(s =>
        {
            s.AddActivity<string?, string>("Reserve", (_, _) =>
            {
                recorder.Run("Reserve");
                return Task.FromResult("reserved");
            });
            s.AddActivity<string?, string>("Ship", (_, _) =>
            {
                recorder.Run("Ship");
                return broken ? throw new InvalidOperationException("carrier down") : Task.FromResult("shipped");
            });
            s.AddOrchestrator<string?, string>("Fulfil", async (ctx, _) =>
            {
                var reserved = await ctx.CallActivityAsync<string>("Reserve");
                await ctx.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
                return reserved + " " + await ctx.CallActivityAsync<string>("Ship");
            });
        }, time);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Fulfil");
        await runtime.HistoryWhenAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated));
        time.Advance(TimeSpan.FromHours(1));
        var failed = await runtime.CompletionAsync(id);
        broken = false;
        await runtime.Client.RewindInstanceAsync(id, "carrier is back");
        await runtime.HistoryWhenAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.ExecutionRewound) && h[^1].Kind == HistoryEventKind.ExecutionCompleted);
        var result = await runtime.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("reserved shipped", result.ReadOutputAs<string>());
        Assert.Equal(1, recorder.RunsOf("Reserve"));
        Assert.Equal(2, recorder.RunsOf("Ship"));
        var history = await runtime.Client.GetHistoryAsync(id);
        Assert.Single(history, e => e.Kind == HistoryEventKind.TimerFired);
        Assert.DoesNotContain(history, e => e.Kind == HistoryEventKind.TaskFailed);
    }
}
