namespace Omnichannel.Durable.Tests;

/// <summary>Load tests run alone, so their load on the two cores does not time out other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyCollection
{
    public const string Name = "Heavy";
}
