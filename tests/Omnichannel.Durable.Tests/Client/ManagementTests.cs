using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Durable.Client;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Storage;
using Omnichannel.Testing;

namespace Omnichannel.Durable.Tests.Client;

public sealed class ManagementTests
{
    [Fact]
    public async Task TerminateInstanceAsync_WaitingInstance_EndsTerminatedWithTheReason()
    {
        await using var runtime = await TestRuntime.StartAsync(Register);
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await runtime.StatusWhenAsync(id, OrchestrationRuntimeStatus.Running);

        await runtime.Client.TerminateInstanceAsync(id, "no longer needed");
        var result = await runtime.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("no longer needed", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SuspendInstanceAsync_EventWhileSuspended_KeptAndAppliedOnResume()
    {
        await using var runtime = await TestRuntime.StartAsync(Register);
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await runtime.StatusWhenAsync(id, OrchestrationRuntimeStatus.Running);

        await runtime.Client.SuspendInstanceAsync(id, "maintenance");
        await runtime.StatusWhenAsync(id, OrchestrationRuntimeStatus.Suspended);
        await runtime.Client.RaiseEventAsync(id, "Go", "x");
        await runtime.HistoryWhenAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.EventRaised));
        var whileSuspended = await runtime.Client.GetInstanceAsync(id);
        await runtime.Client.ResumeInstanceAsync(id, "done");
        var result = await runtime.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Suspended, whileSuspended!.RuntimeStatus);
        Assert.Equal("got x", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_SameIdWhileRunning_DoesNotStartASecondRun()
    {
        var recorder = new Recorder();
        await using var runtime = await TestRuntime.StartAsync(s =>
        {
            Register(s);
            s.AddActivity<string?, string>("Count", (_, _) =>
            {
                recorder.Run("Count");
                return Task.FromResult("counted");
            });
            s.AddOrchestrator<string?, string>("CountThenWait", async (ctx, _) =>
            {
                await ctx.CallActivityAsync("Count");
                return await ctx.WaitForExternalEvent<string>("Go");
            });
        });
        var id = Unique.Name("order");

        await runtime.Client.ScheduleNewOrchestrationInstanceAsync("CountThenWait", options: new StartOrchestrationOptions { InstanceId = id });
        await runtime.HistoryWhenAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TaskCompleted));
        var first = await runtime.Client.GetInstanceAsync(id);
        await runtime.Client.ScheduleNewOrchestrationInstanceAsync("CountThenWait", options: new StartOrchestrationOptions { InstanceId = id });
        await runtime.Client.RaiseEventAsync(id, "Go", "ok");
        var result = await runtime.CompletionAsync(id);

        Assert.Equal(first!.ExecutionId, result.ExecutionId);
        Assert.Equal(1, recorder.RunsOf("Count"));
    }

    [Fact]
    public async Task RestartAsync_SameId_RunsAgainWithTheSameInput()
    {
        var recorder = new Recorder();
        await using var runtime = await TestRuntime.StartAsync(s => Orchestration.ChainingTests.Register(s, recorder));
        var first = await runtime.RunAsync("Chain", 3);

        await runtime.Client.RestartAsync(first.InstanceId, restartWithNewInstanceId: false);
        await runtime.HistoryWhenAsync(first.InstanceId, h => h.Count(e => e.Kind == HistoryEventKind.TaskCompleted) == 5 && h[^1].Kind == HistoryEventKind.ExecutionCompleted && recorder.RunsOf("AddOne") == 10);
        var second = await runtime.CompletionAsync(first.InstanceId);

        Assert.NotEqual(first.ExecutionId, second.ExecutionId);
        Assert.Equal(8, second.ReadOutputAs<int>());
        Assert.Equal(5, (await runtime.Client.GetHistoryAsync(first.InstanceId)).Count(e => e.Kind == HistoryEventKind.TaskCompleted));
    }

    [Fact]
    public async Task PurgeInstanceAsync_CompletedInstance_RemovesRowHistoryAndPayloads()
    {
        var recorder = new Recorder();
        await using var runtime = await TestRuntime.StartAsync(s => Orchestration.ChainingTests.Register(s, recorder));
        var done = await runtime.RunAsync("Chain", 1);

        var purged = await runtime.Client.PurgeInstanceAsync(done.InstanceId);
        var again = await runtime.Client.PurgeInstanceAsync(done.InstanceId);

        Assert.True(purged);
        Assert.False(again);
        Assert.Null(await runtime.Client.GetInstanceAsync(done.InstanceId));
        Assert.Empty(await runtime.Client.GetHistoryAsync(done.InstanceId));
    }

    [Fact]
    public async Task PurgeInstancesAsync_ByStatusAndAge_RemovesOnlyMatchingEndedInstances()
    {
        var recorder = new Recorder();
        await using var runtime = await TestRuntime.StartAsync(s =>
        {
            Register(s);
            Orchestration.ChainingTests.Register(s, recorder);
        });
        var done = await runtime.RunAsync("Chain", 1);
        var waiting = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await runtime.StatusWhenAsync(waiting, OrchestrationRuntimeStatus.Running);

        var purged = await runtime.Client.PurgeInstancesAsync(new InstanceQuery { CreatedFrom = done.CreatedAt.AddMinutes(-1) });

        Assert.Equal(1, purged);
        Assert.Null(await runtime.Client.GetInstanceAsync(done.InstanceId));
        Assert.NotNull(await runtime.Client.GetInstanceAsync(waiting));
    }

    [Fact]
    public async Task QueryInstancesAsync_SevenTaggedInstancesPageSizeThree_PagesThroughAllByToken()
    {
        await using var runtime = await TestRuntime.StartAsync(Register, start: false);
        var order = Unique.Name("o");
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var tags = new Dictionary<string, string> { ["channel"] = "amazon", ["order"] = order };
            ids.Add(await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", options: new StartOrchestrationOptions { InstanceId = $"{order}-{i}", Tags = tags }));
        }

        await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", options: new StartOrchestrationOptions { InstanceId = $"{order}-other" });
        var query = new InstanceQuery { Tags = new Dictionary<string, string> { ["order"] = order }, Statuses = [OrchestrationRuntimeStatus.Pending], PageSize = 3 };
        var seen = new List<string>();
        var pages = 0;
        do
        {
            var page = await runtime.Client.QueryInstancesAsync(query);
            seen.AddRange(page.Instances.Select(i => i.InstanceId));
            pages++;
            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);
        var byPrefix = await runtime.Client.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = order });
        var none = await runtime.Client.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = order, Statuses = [OrchestrationRuntimeStatus.Completed] });
        var byName = await runtime.Client.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = order, NamePrefix = "Wai" });
        var otherName = await runtime.Client.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = order, NamePrefix = "Chain" });

        Assert.Equal(ids.Order(), seen.Order());
        Assert.True(pages >= 3);
        Assert.Equal(8, byPrefix.Instances.Count);
        Assert.Empty(none.Instances);
        Assert.Equal(8, byName.Instances.Count);
        Assert.Empty(otherName.Instances);
    }

    internal static void Register(IServiceCollection services) =>
        services.AddOrchestrator<string?, string>("Waiter", async (ctx, _) => "got " + await ctx.WaitForExternalEvent<string>("Go"));
}
