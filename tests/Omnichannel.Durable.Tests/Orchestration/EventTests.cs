using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Tests.Orchestration;

public sealed class EventTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WaitForExternalEvent_RaisedBeforeTheWait_KeptAndDeliveredInOrder()
    {
        var time = new FakeTimeProvider(Start);
        await using var runtime = await TestRuntime.StartAsync(s => s.AddOrchestrator<string?, string>("LateWaiter", async (ctx, _) =>
        {
            await ctx.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
            var first = await ctx.WaitForExternalEvent<string>("Step");
            var second = await ctx.WaitForExternalEvent<string>("Step");
            return first + second;
        }), time);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("LateWaiter");
        await runtime.HistoryWhenAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated));
        await runtime.Client.RaiseEventAsync(id, "Step", "a");
        await runtime.HistoryWhenAsync(id, h => h.Count(e => e.Kind == HistoryEventKind.EventRaised) == 1);
        await runtime.Client.RaiseEventAsync(id, "Step", "b");
        await runtime.HistoryWhenAsync(id, h => h.Count(e => e.Kind == HistoryEventKind.EventRaised) == 2);
        time.Advance(TimeSpan.FromMinutes(1));
        var result = await runtime.CompletionAsync(id);

        Assert.Equal("ab", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_RaisedAfterTheWait_ResumesWithItsData()
    {
        await using var runtime = await TestRuntime.StartAsync(Register);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await runtime.HistoryWhenAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated));
        await runtime.Client.RaiseEventAsync(id, "Approved", "by ops");
        var result = await runtime.CompletionAsync(id);

        Assert.Equal("approved by ops", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_TimerWinsTheWhenAny_ThrowsTimeoutIntoTheOrchestrator()
    {
        var time = new FakeTimeProvider(Start);
        await using var runtime = await TestRuntime.StartAsync(Register, time);

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await runtime.HistoryWhenAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated));
        time.Advance(TimeSpan.FromHours(1));
        var result = await runtime.CompletionAsync(id);

        Assert.Equal("timed out", result.ReadOutputAs<string>());
    }

    private static void Register(IServiceCollection services) =>
        services.AddOrchestrator<string?, string>("Approval", async (ctx, _) =>
        {
            try
            {
                return "approved " + await ctx.WaitForExternalEvent<string>("Approved", TimeSpan.FromHours(1));
            }
            catch (TimeoutException)
            {
                return "timed out";
            }
        });
}
