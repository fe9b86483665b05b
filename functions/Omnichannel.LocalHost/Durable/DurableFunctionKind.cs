namespace Omnichannel.LocalHost.Durable;

/// <summary>The two durable trigger kinds the local engine serves.</summary>
public enum DurableFunctionKind
{
    /// <summary>A method with an <c>[OrchestrationTrigger] TaskOrchestrationContext</c> parameter.</summary>
    Orchestrator,

    /// <summary>A method with an <c>[ActivityTrigger]</c> parameter.</summary>
    Activity,
}
