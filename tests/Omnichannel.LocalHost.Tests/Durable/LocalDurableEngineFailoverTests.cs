using Microsoft.DurableTask.Client;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Durable;

/// <summary>Several engines on one task hub, and an engine stopped mid-activity.</summary>
public sealed class LocalDurableEngineFailoverTests
{
    [Fact]
    public async Task TwoEngines_OneTaskHub_CompleteEveryInstanceExactlyOnce()
    {
        var recorder = new TestRecorder();
        var hub = Unique.Name("hub");
        await using var first = await DurableTestHost.StartAsync(recorder, hub);
        await using var second = await DurableTestHost.StartAsync(recorder, hub);
        try
        {
            var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
                (i % 2 == 0 ? first : second).Client.ScheduleNewOrchestrationInstanceAsync("Chain", new ChainInput($"o{i}", 2))));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var results = await Task.WhenAll(ids.Select(id => first.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token)));

            Assert.All(results, r => Assert.Equal(OrchestrationRuntimeStatus.Completed, r.RuntimeStatus));
            Assert.Equal(Enumerable.Range(0, 6).Select(i => $"o{i}++"), results.Select(r => r.ReadOutputAs<string>()));
            Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(1, recorder.Count($"Append:o{i}")));
        }
        finally
        {
            await second.DisposeAsync(deleteHub: false);
            await first.DisposeAsync(deleteHub: true);
        }
    }

    [Fact]
    public async Task EngineStopped_WhileAnActivityRuns_NewEngineFinishesTheInstance()
    {
        var recorder = new TestRecorder();
        var hub = Unique.Name("hub");
        var first = await DurableTestHost.StartAsync(recorder, hub);
        string id;
        try
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("Blocking", "order-7");
            await recorder.BlockingStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await first.DisposeAsync(deleteHub: false);
        }

        recorder.Gate.TrySetResult();
        await using var second = await DurableTestHost.StartAsync(recorder, hub);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var result = await second.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

            Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
            Assert.Equal("order-7 done", result.ReadOutputAs<string>());
            Assert.Equal(2, recorder.Count("BlockingStep"));
        }
        finally
        {
            await second.DisposeAsync(deleteHub: true);
        }
    }
}
