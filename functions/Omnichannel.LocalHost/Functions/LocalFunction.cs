using System.Reflection;

namespace Omnichannel.LocalHost.Functions;

/// <summary>What kind of trigger starts a function; the local host serves each kind its own way.</summary>
public enum TriggerKind
{
    Http,
    Timer,
    Queue,
    Orchestration,
    Activity,
}

/// <summary>
/// One <c>[Function]</c> method of the app, as the Worker SDK's <c>functions.metadata</c> lists it: its name, the
/// method, and the trigger parameter with its attribute.
/// </summary>
/// <param name="Name">The <c>[Function]</c> name.</param>
/// <param name="Method">The method; static, or an instance method of a class created from DI per invocation.</param>
/// <param name="Kind">The trigger kind.</param>
/// <param name="Trigger">The trigger parameter.</param>
/// <param name="TriggerAttribute">The trigger parameter's attribute (e.g. <c>HttpTriggerAttribute</c>).</param>
public sealed record LocalFunction(string Name, MethodInfo Method, TriggerKind Kind, ParameterInfo Trigger, Attribute TriggerAttribute)
{
    /// <summary>How the function is named in messages: its name and its method.</summary>
    public override string ToString() => $"'{Name}' ({Method.DeclaringType?.Name}.{Method.Name})";
}
