namespace Omnichannel.LocalHost.Functions;

/// <summary>A route value could not be bound to its parameter: the request is bad, not the function.</summary>
public sealed class RouteValueException(string name, string problem, Exception? inner = null)
    : Exception($"Route value '{name}' {problem}.", inner)
{
    /// <summary>The route parameter that could not be bound.</summary>
    public string Name => name;
}
