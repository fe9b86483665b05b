using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Omnichannel.LocalHost.Tests.Durable;

public sealed record ChainInput(string Order, int Steps);

/// <summary>Test-only durable functions, in the shapes the app uses.</summary>
public sealed class TestFunctions(TestRecorder recorder)
{
    [Function("Chain")]
    public async Task<string> ChainAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<ChainInput>()!;
        var value = input.Order;
        for (var i = 0; i < input.Steps; i++)
        {
            value = await context.CallActivityAsync<string>("Append", value);
        }

        return value;
    }

    [Function("Append")]
    public string Append([ActivityTrigger] string value)
    {
        recorder.Calls.Enqueue("Append:" + value);
        return value + "+";
    }

    [Function("FanOut")]
    public static async Task<int> FanOutAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var count = context.GetInput<int>();
        var parts = await Task.WhenAll(Enumerable.Range(1, count).Select(i => context.CallActivityAsync<int>("Square", i)));
        return parts.Sum();
    }

    [Function("Square")]
    public static Task<int> SquareAsync([ActivityTrigger] int value, CancellationToken cancellationToken) => Task.FromResult(value * value);

    [Function("Retrying")]
    public static Task RetryingAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync("AlwaysFails", "x", TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(100))));

    [Function("AlwaysFails")]
    public void AlwaysFails([ActivityTrigger] string value)
    {
        recorder.Calls.Enqueue("AlwaysFails");
        throw new InvalidOperationException("The channel refused the order " + value);
    }

    [Function("AwaitEvent")]
    public static async Task<string> AwaitEventAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        // A durable timer first, so the event arrives before the wait starts.
        await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
        return await context.WaitForExternalEvent<string>("Shipped");
    }

    [Function("AwaitEventAtOnce")]
    public static Task<string> AwaitEventAtOnceAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.WaitForExternalEvent<string>("Shipped");

    [Function("Traced")]
    public static Task<string> TracedAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync<string>("TraceOf", context.GetInput<string>());

    [Function("TraceOf")]
    public string TraceOf([ActivityTrigger] string value)
    {
        recorder.Calls.Enqueue($"TraceOf:{value}:{System.Diagnostics.Activity.Current?.TraceId}");
        return value;
    }

    [Function("Parent")]
    public static Task<string> ParentAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallSubOrchestratorAsync<string>("Child", "hello");

    [Function("Child")]
    public static Task<string> ChildAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        Task.FromResult($"{context.GetInput<string>()} from {context.Parent?.Name}/{context.Parent?.InstanceId}");

    [Function("LongTimer")]
    public static async Task<string> LongTimerAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        await context.CreateTimer(context.CurrentUtcDateTime.Add(TimeSpan.FromDays(context.GetInput<double>())), CancellationToken.None);
        return "rang";
    }

    [Function("Rewindable")]
    public static async Task<string> RewindableAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var first = await context.CallActivityAsync<string>("Append", "r");
        return await context.CallActivityAsync<string>("Flaky", first);
    }

    [Function("Flaky")]
    public string Flaky([ActivityTrigger] string value)
    {
        recorder.Calls.Enqueue("Flaky");
        return recorder.Faulty ? throw new InvalidOperationException("stock service down") : value + "!";
    }

    [Function("Blocking")]
    public static Task<string> BlockingOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync<string>("BlockingStep", context.GetInput<string>());

    [Function("BlockingStep")]
    public async Task<string> BlockingAsync([ActivityTrigger] string value, CancellationToken cancellationToken)
    {
        recorder.Calls.Enqueue("BlockingStep");
        recorder.BlockingStarted.TrySetResult();
        await recorder.Gate.Task.WaitAsync(cancellationToken);
        return value + " done";
    }
}
