using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Omnichannel.Bench.Durable;

/// <summary>The bench's orchestrations, as the app declares its own: a five-activity chain and a ten-way fan-out/fan-in.</summary>
public sealed class BenchDurableFunctions
{
    public const string Chain = "BenchChain5";
    public const string FanOut = "BenchFanOut10";
    public const string Step = "BenchStep";

    [Function(Chain)]
    public async Task<int> ChainAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var x = context.GetInput<int>();
        for (var i = 0; i < 5; i++)
        {
            x = await context.CallActivityAsync<int>(Step, x);
        }

        return x;
    }

    [Function(FanOut)]
    public async Task<int> FanOutAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var x = context.GetInput<int>();
        return (await Task.WhenAll(Enumerable.Range(0, 10).Select(i => context.CallActivityAsync<int>(Step, x + i)))).Sum();
    }

    [Function(Step)]
    public Task<int> StepAsync([ActivityTrigger] int x, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<int>(cancellationToken) : Task.FromResult(x + 1);
}
