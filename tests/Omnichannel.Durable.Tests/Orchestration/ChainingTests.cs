using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Tests.Orchestration;

public sealed class ChainingTests
{
    [Fact]
    public async Task CallActivityAsync_FiveInChain_CompletesWithEachResultFedToTheNext()
    {
        var recorder = new Recorder();
        await using var runtime = await TestRuntime.StartAsync(s => Register(s, recorder));

        var result = await runtime.RunAsync("Chain", 10);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(15, result.ReadOutputAs<int>());
        Assert.Equal(5, recorder.RunsOf("AddOne"));
        var history = await runtime.Client.GetHistoryAsync(result.InstanceId);
        Assert.Equal(5, history.Count(e => e.Kind == HistoryEventKind.TaskCompleted));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, history[^1].Status);
    }

    [Fact]
    public async Task CallActivityAsync_TenWayFanOut_CompletesWithAllResultsInCallOrder()
    {
        var recorder = new Recorder();
        await using var runtime = await TestRuntime.StartAsync(s => Register(s, recorder));

        var result = await runtime.RunAsync("FanOut", 10);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 10).ToArray(), result.ReadOutputAs<int[]>());
        Assert.Equal(10, recorder.RunsOf("AddOne"));
    }

    [Fact]
    public async Task CallActivityAsync_ThroughWorkItemQueue_CompletesTheSameWay()
    {
        var recorder = new Recorder();
        await using var runtime = await TestRuntime.StartAsync(
            s => Register(s, recorder),
            settings: new Dictionary<string, string?> { ["Durable:RunActivitiesInline"] = "false" });

        var chain = await runtime.RunAsync("Chain", 0);
        var fan = await runtime.RunAsync("FanOut", 3);

        Assert.Equal(5, chain.ReadOutputAs<int>());
        Assert.Equal([1, 2, 3], fan.ReadOutputAs<int[]>()!);
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_UnknownActivity_FailsTheInstanceNamingIt()
    {
        await using var runtime = await TestRuntime.StartAsync(s => s.AddOrchestrator<int, int>("CallsMissing", (ctx, _) => ctx.CallActivityAsync<int>("Missing")));

        var result = await runtime.RunAsync("CallsMissing", 1);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("Missing", result.FailureDetails!.ToString(), StringComparison.Ordinal);
    }

    internal static void Register(IServiceCollection services, Recorder recorder)
    {
        services.AddActivity<int, int>("AddOne", (ctx, x) =>
        {
            recorder.Run("AddOne");
            recorder.Effect(ctx.IdempotencyKey);
            return Task.FromResult(x + 1);
        });
        services.AddOrchestrator<int, int>("Chain", async (ctx, x) =>
        {
            for (var i = 0; i < 5; i++)
            {
                x = await ctx.CallActivityAsync<int>("AddOne", x);
            }

            return x;
        });
        services.AddOrchestrator<int, int[]>("FanOut", async (ctx, n) =>
            await Task.WhenAll(Enumerable.Range(0, n).Select(i => ctx.CallActivityAsync<int>("AddOne", i))));
    }
}
