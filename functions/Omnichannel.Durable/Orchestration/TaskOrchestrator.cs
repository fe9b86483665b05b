namespace Omnichannel.Durable.Orchestration;

/// <summary>
/// An orchestrator, as in durabletask-dotnet: replayed from its history, so its code must be deterministic
/// (use the context's clock, ids and timers; no I/O, no <c>ConfigureAwait(false)</c>).
/// </summary>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    Type ITaskOrchestrator.InputType => typeof(TInput);

    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, (TInput)input!);
}

/// <summary>The untyped shape the runtime calls.</summary>
public interface ITaskOrchestrator
{
    Type InputType { get; }

    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}

internal sealed class FuncOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> run) : TaskOrchestrator<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input) => run(context, input);
}
