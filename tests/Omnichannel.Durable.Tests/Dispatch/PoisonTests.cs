using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Durable.Dispatch;
using Omnichannel.Durable.Model;
using Omnichannel.Durable.Orchestration;
using Omnichannel.Durable.Registration;

namespace Omnichannel.Durable.Tests.Dispatch;

public sealed class PoisonTests
{
    [Fact]
    public async Task Message_FailsUpToMaxDequeueCount_QuarantinedInstanceFailedAndRequeueCompletesIt()
    {
        var broken = true;
        await using var runtime = await TestRuntime.StartAsync(
            s => s.AddSingleton(new OrchestratorRegistration("Fragile", _ => broken
                ? throw new InvalidOperationException("dependency missing")
                : new FuncOrchestrator<string?, string>((_, _) => Task.FromResult("fine")))),
            settings: new Dictionary<string, string?> { ["Durable:MaxDequeueCount"] = "3" });

        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Fragile");
        var failed = await runtime.StatusWhenAsync(id, OrchestrationRuntimeStatus.Failed);
        var quarantined = Assert.Single(await runtime.Client.ListQuarantinedAsync());
        broken = false;
        var requeued = await runtime.Client.RequeueQuarantinedAsync(quarantined.Id);
        var result = await runtime.StatusWhenAsync(id, OrchestrationRuntimeStatus.Completed);

        Assert.Equal(TaskFailureDetails.QuarantinedType, failed.FailureDetails!.ErrorType);
        Assert.Contains("dependency missing", failed.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(id, quarantined.InstanceId);
        Assert.Equal(3, quarantined.DequeueCount);
        Assert.Contains("dependency missing", quarantined.Error, StringComparison.Ordinal);
        Assert.Contains(id, quarantined.Content, StringComparison.Ordinal);
        Assert.True(requeued);
        Assert.Empty(await runtime.Client.ListQuarantinedAsync());
        Assert.Equal("fine", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Message_NotReadable_QuarantinedWithItsContent()
    {
        await using var runtime = await TestRuntime.StartAsync(_ => { }, settings: new Dictionary<string, string?> { ["Durable:MaxDequeueCount"] = "2" });
        await runtime.Client.GetInstanceAsync("warm-up");
        var queue = runtime.Storage.Queues.GetQueueClient($"{runtime.Names.Queues}-control-00");

        await queue.SendMessageAsync("{not json");
        var quarantined = await WaitForQuarantineAsync(runtime);

        Assert.Equal("{not json", quarantined.Content);
        Assert.Null(quarantined.InstanceId);
    }

    private static async Task<QuarantinedMessage> WaitForQuarantineAsync(TestRuntime runtime)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if ((await runtime.Client.ListQuarantinedAsync(timeout.Token)).FirstOrDefault() is { } found)
            {
                return found;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
