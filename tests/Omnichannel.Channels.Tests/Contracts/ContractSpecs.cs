namespace Omnichannel.Channels.Tests.Contracts;

/// <summary>The vendored channel specs (<c>Contracts/Specs</c>, see its SOURCES.md), as copied next to the tests.</summary>
public static class ContractSpecs
{
    public static string PathOf(string channel, string file) => Path.Combine(AppContext.BaseDirectory, "Contracts", "Specs", channel, file);
}
