using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Tests.Orchestration;

public sealed class CompositionTests
{
    [Fact]
    public async Task CallSubOrchestratorAsync_ChildCompletes_ParentGetsItsResult()
    {
        var recorder = new Recorder();
        await using var runtime = await TestRuntime.StartAsync(s =>
        {
            ChainingTests.Register(s, recorder);
            s.AddOrchestrator<int, int>("Parent", async (ctx, x) => await ctx.CallSubOrchestratorAsync<int>("Chain", x) * 2);
        });

        var result = await runtime.RunAsync("Parent", 1);

        Assert.Equal(12, result.ReadOutputAs<int>());
        var child = await runtime.Client.GetInstanceAsync(result.InstanceId + ":0");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal(result.InstanceId, child.ParentInstanceId);
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildFails_ParentCatchesTaskFailedException()
    {
        await using var runtime = await TestRuntime.StartAsync(s =>
        {
            s.AddOrchestrator<string?, string>("Broken", (_, _) => throw new InvalidOperationException("child broke"));
            s.AddOrchestrator<string?, string>("Careful", async (ctx, _) =>
            {
                try
                {
                    return await ctx.CallSubOrchestratorAsync<string>("Broken");
                }
                catch (TaskFailedException e)
                {
                    return "caught: " + e.FailureDetails.ErrorMessage;
                }
            });
        });

        var result = await runtime.RunAsync("Careful");

        Assert.Equal("caught: child broke", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_CountsToFive_EndsWithOnlyTheLastRunsHistory()
    {
        await using var runtime = await TestRuntime.StartAsync(s => s.AddOrchestrator<int, int>("Counter", (ctx, n) =>
        {
            if (n < 5)
            {
                ctx.ContinueAsNew(n + 1);
            }

            return Task.FromResult(n);
        }));

        var result = await runtime.RunAsync("Counter", 0);

        Assert.Equal(5, result.ReadOutputAs<int>());
        Assert.Equal(5, result.ReadInputAs<int>());
        var history = await runtime.Client.GetHistoryAsync(result.InstanceId);
        Assert.Single(history, e => e.Kind == HistoryEventKind.ExecutionStarted);
    }

    [Fact]
    public async Task Replay_CodeChangedBetweenEpisodes_FailsNamingTheStepAndTheDifference()
    {
        var switched = false;
        await using var runtime = await TestRuntime.StartAsync(s =>
        {
            s.AddActivity<string?, string>("A", (_, _) => Task.FromResult("a"));
            s.AddActivity<string?, string>("B", (_, _) => Task.FromResult("b"));
            s.AddOrchestrator<string?, string>("Fickle", async (ctx, _) =>
            {
                var first = await ctx.CallActivityAsync<string>(switched ? "B" : "A");
                return first + await ctx.WaitForExternalEvent<string>("Go");
            });
        });

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Fickle");
        await runtime.HistoryWhenAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TaskCompleted));
        switched = true;
        await runtime.Client.RaiseEventAsync(id, "Go", "!");
        var result = await runtime.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(TaskFailureDetails.NonDeterminismType, result.FailureDetails!.ErrorType);
        Assert.Contains("step 0: the history has activity 'A' but the code now asks for activity 'B'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }
}
