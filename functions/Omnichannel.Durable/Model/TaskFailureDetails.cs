namespace Omnichannel.Durable.Model;

/// <summary>
/// Why a step or an orchestration failed. Bounded in size (message 4 KB, stack trace 8 KB, three inner
/// levels) so that a huge exception cannot make a checkpoint exceed storage limits and wedge an instance.
/// </summary>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    public const string QuarantinedType = "MessageQuarantined";
    public const string NonDeterminismType = "NonDeterministicOrchestration";

    private const int MaxMessage = 4096;
    private const int MaxStackTrace = 8192;
    private const int MaxDepth = 3;

    /// <summary>Builds bounded details from an exception (its inner chain to three levels).</summary>
    public static TaskFailureDetails FromException(Exception exception) => FromException(exception, 0);

    /// <summary>True when the failure (or an inner one) has the given exception type name (full or short).</summary>
    public bool IsCausedBy<TException>()
        where TException : Exception =>
        ErrorType == typeof(TException).FullName || ErrorType == typeof(TException).Name || (InnerFailure?.IsCausedBy<TException>() ?? false);

    internal static string Bound(string value, int max) =>
        value.Length <= max ? value : string.Concat(value.AsSpan(0, max), $"... ({value.Length - max} more characters)");

    internal TaskFailureDetails Bounded() =>
        new(Bound(ErrorType, 256), Bound(ErrorMessage, MaxMessage), StackTrace is null ? null : Bound(StackTrace, MaxStackTrace), InnerFailure?.Bounded());

    private static TaskFailureDetails FromException(Exception exception, int depth)
    {
        if (exception is TaskFailedException failed)
        {
            return new TaskFailureDetails(failed.GetType().FullName!, Bound(failed.Message, MaxMessage), null, failed.FailureDetails.Bounded());
        }

        var inner = exception.InnerException is { } e && depth < MaxDepth ? FromException(e, depth + 1) : null;
        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            Bound(exception.Message, MaxMessage),
            exception.StackTrace is { } trace ? Bound(trace, MaxStackTrace) : null,
            inner);
    }
}

/// <summary>A step (activity or sub-orchestration) failed; thrown into the orchestrator at the await.</summary>
public sealed class TaskFailedException(string stepName, int taskId, TaskFailureDetails failureDetails)
    : Exception($"Step {taskId} '{stepName}' failed: {failureDetails.ErrorType}: {failureDetails.ErrorMessage}")
{
    public string StepName { get; } = stepName;

    public int TaskId { get; } = taskId;

    public TaskFailureDetails FailureDetails { get; } = failureDetails;
}
