namespace Omnichannel.LocalHost.Functions;

/// <summary>
/// A <c>[Function]</c> has a shape the local host cannot serve (a trigger, parameter or return type outside the
/// stated set). Thrown at start-up, naming the function, so that nothing is served half-bound.
/// </summary>
public sealed class UnsupportedFunctionException(string message) : Exception(message);
