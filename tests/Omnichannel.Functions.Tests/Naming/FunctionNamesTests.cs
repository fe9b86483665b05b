using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Omnichannel.Hosting.Naming;

namespace Omnichannel.Functions.Tests.Naming;

public sealed class FunctionNamesTests
{
    /// <summary>
    /// The Durable orchestrations and activities whose names stay as they are (see <see cref="FunctionNames"/>):
    /// histories of in-flight orders hold them. Only these may break the rule; a new one follows it.
    /// </summary>
    private static readonly HashSet<string> DurableNames = new(StringComparer.Ordinal)
    {
        "OrderFlow", "OrderReturn",
        "AcknowledgeCancellation", "FlagOrder", "IndexBackorder", "MatchOrderLines", "RaiseOrderAlert", "ReadStoredOrder",
        "ReceiveOrder", "RecordChannelSale", "RecordOrderEvent", "ReleaseStock", "ReportReadyForPickup", "ReportReturn",
        "ReportTracking", "RequestFulfilment", "ReserveStock", "RestockReturn", "ShipStock",
    };

    [Fact]
    public void IsValid_EveryFunctionOfTheApp_FollowsTheRuleOrIsAFrozenDurableName()
    {
        var functions = AppFunctions();

        Assert.Contains(functions, f => f.Name == "LedgerProductGet");
        var breaking = functions.Where(f => !FunctionNames.IsValid(f.Name) && !(f.Durable && DurableNames.Contains(f.Name))).Select(f => f.ToString()).ToList();
        Assert.True(breaking.Count == 0, "Function names breaking {Area}{Thing}{Verb}: " + string.Join(", ", breaking));
    }

    [Fact]
    public void FrozenDurableNames_EachIsAnOrchestrationOrActivityOfTheApp()
    {
        var durable = AppFunctions().Where(f => f.Durable).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(DurableNames.Except(durable));
    }

    [Fact]
    public void AppFunctions_Names_AreUniqueIgnoringCase()
    {
        var twice = AppFunctions().GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(twice);
    }

    [Theory]
    [InlineData("LedgerProductsList", true)]
    [InlineData("EventsList", true)]
    [InlineData("HealthGet", true)]
    [InlineData("webhooks-receive", false)]
    [InlineData("StockMovementsGet", false)]
    [InlineData("SalesByChannelReport", false)]
    [InlineData("LedgerAlertWebhook", false)]
    [InlineData("Ledgers", false)]
    [InlineData("LedgerGetProduct", false)]
    [InlineData("OrdersGETList", false)]
    [InlineData("OrdersList2", false)]
    public void IsValid_Name_FollowsTheRule(string name, bool valid) =>
        Assert.Equal(valid, FunctionNames.IsValid(name));

    private static List<AppFunction> AppFunctions()
    {
        var assemblies = typeof(HubServices).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("Omnichannel.", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .Append(typeof(HubServices).Assembly)
            .Distinct();
        return (
            from method in assemblies.SelectMany(a => a.GetTypes()).SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            let function = method.GetCustomAttribute<FunctionAttribute>()
            where function is not null
            let durable = method.GetParameters().Any(p => p.GetCustomAttributes().Any(a => a.GetType().Name is "OrchestrationTriggerAttribute" or "ActivityTriggerAttribute"))
            select new AppFunction(function.Name, durable, $"{method.DeclaringType!.Name}.{method.Name}")).ToList();
    }

    private sealed record AppFunction(string Name, bool Durable, string Method)
    {
        public override string ToString() => $"{Name} ({Method})";
    }
}
