namespace Omnichannel.LocalHost.Functions;

/// <summary>What one invocation binds from.</summary>
/// <param name="Services">The invocation's DI scope.</param>
/// <param name="Trigger">The trigger's value, converted to the parameter's type.</param>
/// <param name="CancellationToken">Cancelled when the host stops or the caller goes away.</param>
/// <param name="NamedValue">Route values by name, for HTTP.</param>
public sealed record Invocation(IServiceProvider Services, Func<Type, object?> Trigger, CancellationToken CancellationToken, Func<string, string?>? NamedValue = null);
