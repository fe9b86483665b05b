using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Tests.Dispatch;

public sealed class CrashTests
{
    [Fact]
    public async Task Episode_KilledAfterActivitySideEffectBeforeCheckpoint_FreshWorkerCompletesAndEffectHappensOnce()
    {
        var recorder = new Recorder();
        var names = DurableNames.Create();
        var settings = new Dictionary<string, string?> { ["Durable:VisibilityTimeout"] = "00:00:01" };
        var doomed = await TestRuntime.StartAsync(s => Orchestration.ChainingTests.Register(s, recorder), names: names, settings: settings);
        var reachedCheckpoint = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        doomed.Worker.Episodes.BeforeCheckpoint = async (_, stop) =>
        {
            reachedCheckpoint.TrySetResult();
            await Task.Delay(Timeout.Infinite, stop);
        };

        var id = await doomed.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 0);
        await reachedCheckpoint.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var runsBeforeCrash = recorder.RunsOf("AddOne");
        await doomed.DisposeAsync();
        await using var observer = await TestRuntime.StartAsync(_ => { }, names: names, start: false);
        var pending = await observer.Client.GetInstanceAsync(id);
        await using var survivor = await TestRuntime.StartAsync(s => Orchestration.ChainingTests.Register(s, recorder), names: names, settings: settings);
        var result = await survivor.CompletionAsync(id);

        Assert.Equal(5, runsBeforeCrash);
        Assert.NotEqual(OrchestrationRuntimeStatus.Completed, pending!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(5, result.ReadOutputAs<int>());
        Assert.Equal(10, recorder.RunsOf("AddOne"));
        Assert.Equal(5, recorder.Effects.Count);
        var history = await survivor.Client.GetHistoryAsync(id);
        Assert.Equal(5, history.Count(e => e.Kind == HistoryEventKind.TaskCompleted));
        Assert.Equal(5, history.Where(e => e.Kind == HistoryEventKind.TaskCompleted).Select(e => e.TaskId).Distinct().Count());
    }
}
