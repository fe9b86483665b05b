using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Omnichannel.LocalHost.Functions;

/// <summary>
/// Finds the app's <c>[Function]</c> methods the way the Worker SDK's metadata generator does: in the app assembly
/// and every assembly of ours it references. Each must have exactly one trigger parameter of a kind the local host
/// serves; anything else stops the start with a message naming the function.
/// </summary>
public static class FunctionCatalog
{
    private const string OwnAssemblyPrefix = "Omnichannel.";

    /// <summary>Every function of the app whose composition root is <paramref name="appAssembly"/>.</summary>
    public static IReadOnlyList<LocalFunction> Discover(Assembly appAssembly)
    {
        ArgumentNullException.ThrowIfNull(appAssembly);
        var assemblies = new List<Assembly> { appAssembly };
        assemblies.AddRange(appAssembly.GetReferencedAssemblies()
            .Where(a => a.Name?.StartsWith(OwnAssemblyPrefix, StringComparison.Ordinal) == true)
            .Select(Assembly.Load));
        return Discover(assemblies);
    }

    /// <summary>Every function declared in <paramref name="assemblies"/>, ordered by name.</summary>
    public static IReadOnlyList<LocalFunction> Discover(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return Discover(assemblies.Distinct().SelectMany(a => a.GetTypes()));
    }

    /// <summary>Every function declared by <paramref name="types"/>, ordered by name.</summary>
    public static IReadOnlyList<LocalFunction> Discover(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var functions = types
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(f => f.Attribute is not null)
            .Select(f => Describe(f.Method, f.Attribute!.Name))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var twice = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new UnsupportedFunctionException($"Function name '{twice.Key}' is declared more than once: {string.Join(", ", twice)}.");
        }

        return functions;
    }

    private static LocalFunction Describe(MethodInfo method, string name)
    {
        var triggers = method.GetParameters()
            .Select(p => (Parameter: p, Attribute: p.GetCustomAttributes().FirstOrDefault(IsTrigger)))
            .Where(p => p.Attribute is not null)
            .ToList();
        if (triggers.Count != 1)
        {
            throw new UnsupportedFunctionException($"Function '{name}' ({method.DeclaringType?.Name}.{method.Name}) must have exactly one trigger parameter; it has {triggers.Count}.");
        }

        var (parameter, attribute) = triggers[0];
        var kind = attribute switch
        {
            HttpTriggerAttribute => TriggerKind.Http,
            TimerTriggerAttribute => TriggerKind.Timer,
            QueueTriggerAttribute => TriggerKind.Queue,
            OrchestrationTriggerAttribute => TriggerKind.Orchestration,
            ActivityTriggerAttribute => TriggerKind.Activity,
            _ => throw new UnsupportedFunctionException(
                $"Function '{name}' uses trigger {attribute!.GetType().Name}, which the local host does not serve (it serves HTTP, timer, queue, orchestration and activity triggers)."),
        };
        return new LocalFunction(name, method, kind, parameter, attribute!);
    }

    private static bool IsTrigger(Attribute attribute) =>
        attribute is Microsoft.Azure.Functions.Worker.Extensions.Abstractions.TriggerBindingAttribute
        || attribute is OrchestrationTriggerAttribute or ActivityTriggerAttribute;
}
