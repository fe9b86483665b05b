using System.Reflection;
using Omnichannel.Testing;

namespace Omnichannel.Functions.Tests;

public sealed class HubServicesTests
{
    /// <summary>
    /// Every options class of every feature the hub composes (a public <c>Section</c> constant) with a table, queue or
    /// container setting: the test storage helper must give each of them a name of the test's own, or two tests share it.
    /// </summary>
    [Fact]
    public void TestStorage_EveryStorageSettingOfEveryFeature_GetsANameOfItsOwn()
    {
        var features = typeof(HubServices).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("Omnichannel.", StringComparison.Ordinal))
            .Select(Assembly.Load);
        var settings = (
            from type in features.SelectMany(a => a.GetExportedTypes())
            let section = type.GetField("Section", BindingFlags.Public | BindingFlags.Static)
            where section is { IsLiteral: true } && type.Namespace!.EndsWith(".Configuration", StringComparison.Ordinal)
            from property in type.GetProperties()
            where property.PropertyType == typeof(string) && (property.Name.EndsWith("Table", StringComparison.Ordinal) || property.Name.EndsWith("Queue", StringComparison.Ordinal) || property.Name.EndsWith("Container", StringComparison.Ordinal))
            select $"{section.GetRawConstantValue()}:{property.Name}").ToList();

        var first = TestStorage.UniqueNames();
        var second = TestStorage.UniqueNames();

        Assert.Contains("Ledger:StockChangedCopyQueue", settings);
        Assert.All(settings, s => Assert.NotEqual(first.GetValueOrDefault(s) ?? s, second.GetValueOrDefault(s) ?? s));
        Assert.NotEqual(first[TestStorage.TaskHubSetting], second[TestStorage.TaskHubSetting]);
    }
}
