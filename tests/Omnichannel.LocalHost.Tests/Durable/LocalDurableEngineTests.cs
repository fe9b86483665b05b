using DurableTask.Core.History;
using Microsoft.DurableTask.Client;
using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Durable;

public sealed class LocalDurableEngineTests : IAsyncLifetime
{
    private readonly TestRecorder recorder = new();
    private DurableTestHost host = null!;

    public async Task InitializeAsync() => this.host = await DurableTestHost.StartAsync(this.recorder);

    public Task DisposeAsync() => this.host.DisposeAsync(deleteHub: true);
    [Fact]
    public async Task Schedule_RunningInstanceWhoseRowIsMissing_RefusedAsExistingNotOverwritten()
    {
        // What a host killed between the provider's start message and its instance row leaves for a moment: an
        // instance that runs (history) without a row. A second start used to pass the dedupe and overwrite the row.
        var id = Unique.Name("interrupted");
        await this.host.Client.ScheduleNewOrchestrationInstanceAsync("AwaitEvent", null, new Microsoft.DurableTask.StartOrchestrationOptions(id));
        await Eventually.UntilAsync(
            async () => await this.host.Client.GetInstanceAsync(id) is { RuntimeStatus: OrchestrationRuntimeStatus.Running },
            $"{id} running");

        var instances = (await Azurite.AccountAsync()).Tables.GetTableClient(this.host.HubName + "Instances");
        await instances.DeleteEntityAsync(id, string.Empty);

        await Assert.ThrowsAsync<DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException>(
            () => this.host.Client.ScheduleNewOrchestrationInstanceAsync("AwaitEvent", null, new Microsoft.DurableTask.StartOrchestrationOptions(id)));
        // The running flow is untouched: it takes its event and completes (its next checkpoint writes the row again).
        await this.host.Client.RaiseEventAsync(id, "Shipped", "parcel-1");
        var done = await Eventually.ValueAsync(
            () => this.host.Client.GetInstanceAsync(id, getInputsAndOutputs: true),
            m => m is { RuntimeStatus: OrchestrationRuntimeStatus.Completed },
            $"{id} completed");

        Assert.Equal("parcel-1", done!.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Chain_ThreeActivities_CompletesWithEachOutputFedToTheNext()
    {
        var result = await this.host.RunAsync("Chain", new ChainInput("o1", 3));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("o1+++", result.ReadOutputAs<string>());
        Assert.Equal(["Append:o1", "Append:o1+", "Append:o1++"], this.recorder.Calls);
    }

    [Fact]
    public async Task FanOut_TenActivities_SumsEveryResult()
    {
        var result = await this.host.RunAsync("FanOut", 10);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(385, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task RetryPolicy_ActivityAlwaysFails_EndsFailedWithTheReason()
    {
        var result = await this.host.RunAsync("Retrying");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("The channel refused the order x", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(3, this.recorder.Count("AlwaysFails"));
    }

    [Fact]
    public async Task ExternalEvent_RaisedBeforeTheWait_IsReceived()
    {
        var id = await this.host.Client.ScheduleNewOrchestrationInstanceAsync("AwaitEvent");
        await this.host.Client.WaitForInstanceStartAsync(id);
        await this.host.Client.RaiseEventAsync(id, "Shipped", "parcel-1");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await this.host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("parcel-1", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task FlowEventsRaise_RightAfterScheduling_IsReceivedByEveryInstance()
    {
        // A 3PL that confirms at once, or a replay that restarts a flow and raises its events again: the event is
        // sent before the instance's first episode ran. Raised straight through the client, DTFx drops some of them.
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var id = await this.host.Client.ScheduleNewOrchestrationInstanceAsync("AwaitEventAtOnce", input: null, options: new Microsoft.DurableTask.StartOrchestrationOptions(Unique.Name("early")));
            await Omnichannel.Orders.Flow.FlowEvents.RaiseAsync(this.host.Client, id, "Shipped", "parcel-" + i, CancellationToken.None);
            ids.Add(id);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var results = await Task.WhenAll(ids.Select(id => this.host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token)));

        Assert.All(results, r => Assert.Equal(OrchestrationRuntimeStatus.Completed, r.RuntimeStatus));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => "parcel-" + i), results.Select(r => r.ReadOutputAs<string>()));
    }

    [Fact]
    public async Task Schedule_UnderAnActivity_ActivitiesRunInTheCallersTrace()
    {
        using var source = new System.Diagnostics.ActivitySource(Unique.Name("test-source"));
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s == source || s.Name == Omnichannel.Hosting.Diagnostics.HubTracing.DurableSourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        var id = Unique.Name("traced");
        string traceId;
        using (var webhook = source.StartActivity("webhook")!)
        {
            traceId = webhook.TraceId.ToString();
            await this.host.Client.ScheduleNewOrchestrationInstanceAsync("Traced", id, new Microsoft.DurableTask.StartOrchestrationOptions(id));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await this.host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Contains($"TraceOf:{id}:{traceId}", this.recorder.Calls);
    }

    [Fact]
    public async Task SubOrchestration_Child_SeesItsParent()
    {
        var id = Unique.Name("parent");

        var result = await this.host.RunAsync("Parent", instanceId: id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal($"hello from Parent/{id}", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task LongTimer_TenDays_IsSplitIntoTimersTheQueueCanHold()
    {
        var id = await this.host.Client.ScheduleNewOrchestrationInstanceAsync("LongTimer", 10.0);
        var started = await this.host.Client.WaitForInstanceStartAsync(id);
        var history = await Eventually.ValueAsync(
            () => this.host.Client.GetOrchestrationHistoryAsync(id),
            h => h.OfType<TimerCreatedEvent>().Any(),
            $"a timer in {id}'s history");

        var timer = Assert.Single(history.OfType<TimerCreatedEvent>());
        var interval = timer.FireAt - started.CreatedAt.UtcDateTime;
        Assert.InRange(interval, TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        await this.host.Client.TerminateInstanceAsync(id, "test over");
    }

    [Fact]
    public async Task Rewind_AfterTheFaultIsFixed_CompletesWithoutRerunningCompletedSteps()
    {
        this.recorder.Faulty = true;
        var failed = await this.host.RunAsync("Rewindable");
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Contains("stock service down", failed.FailureDetails!.ErrorMessage, StringComparison.Ordinal);

        this.recorder.Faulty = false;
        await this.host.Client.RewindInstanceAsync(failed.InstanceId, "fixed");
        var result = await Eventually.ValueAsync(
            () => this.host.Client.GetInstanceAsync(failed.InstanceId, getInputsAndOutputs: true),
            m => m is { RuntimeStatus: OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated },
            $"{failed.InstanceId} completed after the rewind");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result!.RuntimeStatus);
        Assert.Equal("r+!", result.ReadOutputAs<string>());
        Assert.Equal(1, this.recorder.Count("Append:r"));
    }

    [Fact]
    public async Task Schedule_ExistingRunningInstance_ThrowsAlreadyExists()
    {
        var id = Unique.Name("dupe");
        await this.host.Client.ScheduleNewOrchestrationInstanceAsync("AwaitEvent", input: null, options: new Microsoft.DurableTask.StartOrchestrationOptions(id));

        await Assert.ThrowsAsync<DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException>(() =>
            this.host.Client.ScheduleNewOrchestrationInstanceAsync("AwaitEvent", input: null, options: new Microsoft.DurableTask.StartOrchestrationOptions(id)));
        await this.host.Client.TerminateInstanceAsync(id, "test over");
    }
}
