using Microsoft.Azure.Functions.Worker;
using Omnichannel.Functions;
using Omnichannel.Functions.Health;
using Omnichannel.LocalHost.Functions;

namespace Omnichannel.LocalHost.Tests.Functions;

public sealed class FunctionCatalogTests
{
    [Fact]
    public void Discover_TheApp_FindsItsFunctionsInTheFeatureAssemblies()
    {
        var functions = FunctionCatalog.Discover(typeof(HubServices).Assembly);

        var health = Assert.Single(functions, f => f.Name == HealthFunctions.Name);
        Assert.Equal(TriggerKind.Http, health.Kind);
        Assert.Equal("health", ((HttpTriggerAttribute)health.TriggerAttribute).Route);
        Assert.Equal(functions.Select(f => f.Name).Order(StringComparer.Ordinal), functions.Select(f => f.Name));
    }

    [Fact]
    public void Discover_SampleTypes_ClassifiesEachTrigger()
    {
        var functions = FunctionCatalog.Discover([typeof(SampleFunctions)]).ToDictionary(f => f.Name, f => f.Kind);

        Assert.Equal(TriggerKind.Http, functions["SampleGet"]);
        Assert.Equal(TriggerKind.Queue, functions["SampleQueue"]);
        Assert.Equal(TriggerKind.Timer, functions["SampleTimer"]);
    }

    [Fact]
    public void Discover_TwoTriggerParameters_ThrowsNamingTheFunction()
    {
        var error = Assert.Throws<UnsupportedFunctionException>(() => FunctionCatalog.Discover([typeof(TwoTriggerFunctions)]));

        Assert.Contains("'TwoTriggers'", error.Message, StringComparison.Ordinal);
        Assert.Contains("exactly one trigger", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_NameDeclaredTwice_ThrowsNamingIt()
    {
        var error = Assert.Throws<UnsupportedFunctionException>(() => FunctionCatalog.Discover([typeof(SampleFunctions), typeof(DuplicateNameFunctions)]));

        Assert.Contains("'SampleGet'", error.Message, StringComparison.Ordinal);
    }
}
