using Omnichannel.Durable.Client;
using Omnichannel.Durable.Model;
using Omnichannel.Testing;

namespace Omnichannel.Durable.Tests.Client;

public sealed class StartIfNewTests
{
    [Fact]
    public async Task TryScheduleNewOrchestrationInstanceAsync_ManyCallersAtOnce_ExactlyOneStartsOneRun()
    {
        var recorder = new Recorder();
        await using var runtime = await TestRuntime.StartAsync(s => Orchestration.ChainingTests.Register(s, recorder));
        var id = Unique.Name("once");

        var started = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            runtime.Client.TryScheduleNewOrchestrationInstanceAsync("Chain", 3, new StartOrchestrationOptions { InstanceId = id }))));
        var result = await runtime.CompletionAsync(id);

        Assert.Single(started, s => s);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(5, recorder.RunsOf("AddOne"));
    }

    [Fact]
    public async Task TryScheduleNewOrchestrationInstanceAsync_EndedInstance_FalseAndNotRestarted()
    {
        var recorder = new Recorder();
        await using var runtime = await TestRuntime.StartAsync(s => Orchestration.ChainingTests.Register(s, recorder));
        var done = await runtime.RunAsync("Chain", 3);

        var started = await runtime.Client.TryScheduleNewOrchestrationInstanceAsync("Chain", 3, new StartOrchestrationOptions { InstanceId = done.InstanceId });

        Assert.False(started);
        var after = await runtime.Client.GetInstanceAsync(done.InstanceId);
        Assert.Equal((done.ExecutionId, OrchestrationRuntimeStatus.Completed), (after!.ExecutionId, after.RuntimeStatus));
        Assert.Equal(5, recorder.RunsOf("AddOne"));
    }
}
