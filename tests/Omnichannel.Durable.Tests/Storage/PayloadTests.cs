using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Tests.Storage;

public sealed class PayloadTests
{
    [Fact]
    public async Task Payloads_LargerThanQueueAndTableLimits_RoundTripThroughBlobs()
    {
        var big = new string('x', 200_000);
        await using var runtime = await TestRuntime.StartAsync(s =>
        {
            s.AddActivity<string, string>("Echo", (_, text) => Task.FromResult(text + "!"));
            s.AddOrchestrator<string, string>("BigFlow", async (ctx, input) =>
            {
                var echoed = await ctx.CallActivityAsync<string>("Echo", input);
                var raised = await ctx.WaitForExternalEvent<string>("Big");
                return $"{echoed.Length}:{raised.Length}:{echoed[..3]}";
            });
        });
        var blobsBefore = runtime.Storage.Requests.Snapshot().Blobs;

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("BigFlow", big);
        await runtime.HistoryWhenAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TaskCompleted));
        await runtime.Client.RaiseEventAsync(id, "Big", new string('y', 100_000));
        var result = await runtime.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("200001:100000:xxx", result.ReadOutputAs<string>());
        Assert.Equal(big, result.ReadInputAs<string>());
        Assert.True(runtime.Storage.Requests.Snapshot().Blobs > blobsBefore);
        var history = await runtime.Client.GetHistoryAsync(id);
        Assert.Equal(200_001 + 2, history.Single(e => e.Kind == HistoryEventKind.TaskCompleted).Result!.Length);
    }

    [Fact]
    public async Task FailureDetails_HugeException_BoundedAndTheInstanceStillFails()
    {
        await using var runtime = await TestRuntime.StartAsync(s =>
            s.AddOrchestrator<string?, string>("Explodes", (_, _) => throw new InvalidOperationException(new string('e', 1_000_000))));

        var result = await runtime.RunAsync("Explodes");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.True(result.FailureDetails!.ErrorMessage.Length < 5_000);
    }
}
