using Microsoft.DurableTask;

namespace Omnichannel.LocalHost.Durable;

/// <summary>
/// An <c>[OrchestrationTrigger]</c> method as an <see cref="ITaskOrchestrator"/> for the shim. The method gets a
/// context whose <c>GetInput&lt;T&gt;()</c> reads the raw input as T (the shim's own context only casts what it
/// deserialized for <see cref="InputType"/>), from a DI scope of its own for the episode.
/// </summary>
internal sealed class FunctionOrchestrator(DurableFunction function, IServiceProvider scope, string? rawInput, DataConverter converter) : ITaskOrchestrator
{
    public Type InputType => typeof(object);

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        DurableFunctionInvoker.InvokeAsync(function, scope, [new FunctionOrchestrationContext(context, rawInput, converter)]);
}
