namespace Omnichannel.Durable.Activities;

/// <summary>
/// An activity: ordinary code with side effects, run at least once. Use
/// <see cref="TaskActivityContext.IdempotencyKey"/> to make its effect happen once.
/// </summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    Type ITaskActivity.InputType => typeof(TInput);

    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, (TInput)input!);
}

/// <summary>The untyped shape the runtime calls.</summary>
public interface ITaskActivity
{
    Type InputType { get; }

    Task<object?> RunAsync(TaskActivityContext context, object? input);
}

/// <summary>Who is running an activity, and the key that stays the same for every run of this step.</summary>
/// <param name="Name">Activity name.</param>
/// <param name="InstanceId">The orchestration instance.</param>
/// <param name="ExecutionId">The orchestration's current run (changes on ContinueAsNew and restart).</param>
/// <param name="TaskId">This attempt's step number in the history.</param>
/// <param name="StepId">The step number of the first attempt: retries of one call share it.</param>
/// <param name="CancellationToken">Cancelled when the host stops.</param>
public sealed record TaskActivityContext(string Name, string InstanceId, string ExecutionId, int TaskId, int StepId, CancellationToken CancellationToken)
{
    /// <summary>
    /// Stable across re-runs and retries of the same call (instance, run, step): an external system can use it
    /// to apply the activity's effect once although the activity itself runs at least once.
    /// </summary>
    public string IdempotencyKey => $"{InstanceId}:{ExecutionId}:{StepId}";
}

internal sealed class FuncActivity<TInput, TOutput>(Func<TaskActivityContext, TInput, Task<TOutput>> run) : TaskActivity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(context, input);
}
