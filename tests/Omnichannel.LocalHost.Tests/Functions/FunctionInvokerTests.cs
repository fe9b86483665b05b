using Microsoft.Extensions.DependencyInjection;
using Omnichannel.LocalHost.Functions;

namespace Omnichannel.LocalHost.Tests.Functions;

public sealed class FunctionInvokerTests
{
    [Fact]
    public void Create_ParameterTheHostCannotBind_ThrowsNamingFunctionAndParameter()
    {
        var function = Assert.Single(FunctionCatalog.Discover([typeof(UnboundParameterFunctions)]));

        var error = Assert.Throws<UnsupportedFunctionException>(() => new FunctionInvoker(function, new HashSet<string>()));

        Assert.Contains("'NeedsAService'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'calls'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_RouteValues_ConvertedToTheParameterTypes()
    {
        var function = FunctionCatalog.Discover([typeof(SampleFunctions)]).Single(f => f.Name == "SampleGet");
        var sut = new FunctionInvoker(function, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "name", "count" });
        await using var services = new ServiceCollection().AddSingleton<SampleCalls>().BuildServiceProvider();
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;

        var result = await sut.InvokeAsync(new Invocation(services, _ => request, CancellationToken.None, n => n == "name" ? "box" : "12"));

        var value = Assert.IsAssignableFrom<Microsoft.AspNetCore.Http.IValueHttpResult>(result).Value;
        Assert.Contains("count = 12", value!.ToString(), StringComparison.Ordinal);
        Assert.Contains("name = box", value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_RouteValueOfTheWrongType_ThrowsRouteValueException()
    {
        var function = FunctionCatalog.Discover([typeof(SampleFunctions)]).Single(f => f.Name == "SampleGet");
        var sut = new FunctionInvoker(function, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "name", "count" });
        await using var services = new ServiceCollection().AddSingleton<SampleCalls>().BuildServiceProvider();
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;

        var error = await Assert.ThrowsAsync<RouteValueException>(() => sut.InvokeAsync(new Invocation(services, _ => request, CancellationToken.None, n => n == "name" ? "box" : "twelve")));

        Assert.Contains("'count'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TriggerParameterFromAnotherReflection_StillBoundAsTheTrigger()
    {
        // Reflection may hand out different ParameterInfo objects for one parameter (another reflected type, or
        // two threads filling the cache at once): the trigger is recognised by position, not by reference.
        var function = Assert.Single(FunctionCatalog.Discover([typeof(BaseTimerFunctions)]));
        var sameParameterOtherObject = typeof(DerivedTimerFunctions).GetMethod(nameof(BaseTimerFunctions.Tick))!.GetParameters()[0];
        Assert.NotSame(function.Trigger, sameParameterOtherObject);

        var sut = new FunctionInvoker(function with { Trigger = sameParameterOtherObject });

        Assert.Equal(typeof(void), sut.ResultType);
    }
}
