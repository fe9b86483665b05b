namespace Omnichannel.Durable.Model;

/// <summary>The runtime statuses of Durable Functions, with the same names.</summary>
public enum OrchestrationRuntimeStatus
{
    Pending,
    Running,
    Completed,
    ContinuedAsNew,
    Failed,
    Terminated,
    Suspended,
}

internal static class RuntimeStatusExtensions
{
    /// <summary>Completed, Failed and Terminated instances take no more work except restart or rewind.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
