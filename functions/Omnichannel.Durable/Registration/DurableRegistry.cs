using Omnichannel.Durable.Activities;
using Omnichannel.Durable.Orchestration;

namespace Omnichannel.Durable.Registration;

/// <summary>An orchestrator known to the runtime by name.</summary>
public sealed record OrchestratorRegistration(string Name, Func<IServiceProvider, ITaskOrchestrator> Factory);

/// <summary>An activity known to the runtime by name.</summary>
public sealed record ActivityRegistration(string Name, Func<IServiceProvider, ITaskActivity> Factory);

/// <summary>Every registered orchestrator and activity, by name (case-insensitive, as in Durable Functions).</summary>
internal sealed class DurableRegistry
{
    public DurableRegistry(IEnumerable<OrchestratorRegistration> orchestrators, IEnumerable<ActivityRegistration> activities)
    {
        Orchestrators = Index(orchestrators, o => o.Name, "orchestrator");
        Activities = Index(activities, a => a.Name, "activity");
    }

    public IReadOnlyDictionary<string, OrchestratorRegistration> Orchestrators { get; }

    public IReadOnlyDictionary<string, ActivityRegistration> Activities { get; }

    private static Dictionary<string, T> Index<T>(IEnumerable<T> items, Func<T, string> name, string kind)
    {
        var index = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (!index.TryAdd(name(item), item))
            {
                throw new InvalidOperationException($"The {kind} '{name(item)}' is registered twice.");
            }
        }

        return index;
    }
}
