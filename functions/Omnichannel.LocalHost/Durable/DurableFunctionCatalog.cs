using System.Reflection;

namespace Omnichannel.LocalHost.Durable;

/// <summary>The app's orchestrator and activity functions by name, checked once at registration.</summary>
public sealed class DurableFunctionCatalog
{
    private readonly Dictionary<string, DurableFunction> orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DurableFunction> activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Picks the durable functions of <paramref name="functions"/>; throws (naming the function) for a shape not served or a name used twice.</summary>
    public DurableFunctionCatalog(IEnumerable<MethodInfo> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var function in functions.Select(DurableFunction.From).OfType<DurableFunction>())
        {
            var table = function.Kind == DurableFunctionKind.Orchestrator ? this.orchestrators : this.activities;
            if (!table.TryAdd(function.Name, function))
            {
                throw new InvalidOperationException($"Function '{function.Name}': the name is declared twice ({table[function.Name].Method.DeclaringType?.Name}.{table[function.Name].Method.Name} and {function.Method.DeclaringType?.Name}.{function.Method.Name}).");
            }
        }
    }

    public IReadOnlyDictionary<string, DurableFunction> Orchestrators => this.orchestrators;

    public IReadOnlyDictionary<string, DurableFunction> Activities => this.activities;
}
