using Omnichannel.Durable.Model;

namespace Omnichannel.Durable.Orchestration;

/// <summary>How a run of the orchestrator code ended.</summary>
/// <param name="Status">Completed, Failed or ContinuedAsNew.</param>
/// <param name="Output">The result (Completed) or the new input (ContinuedAsNew), as JSON.</param>
/// <param name="Failure">Why it failed.</param>
/// <param name="FailedStep">The step whose failure ended the run, the one rewind retries.</param>
/// <param name="CarryOver">ContinueAsNew: events received but not consumed, delivered to the next run.</param>
internal sealed record OrchestrationOutcome(
    OrchestrationRuntimeStatus Status,
    string? Output = null,
    TaskFailureDetails? Failure = null,
    int? FailedStep = null,
    IReadOnlyList<HistoryEvent>? CarryOver = null);

/// <summary>The orchestrator code did not do what its history says it did; names the step and the difference.</summary>
public sealed class NonDeterministicOrchestrationException(string message) : Exception(message);
