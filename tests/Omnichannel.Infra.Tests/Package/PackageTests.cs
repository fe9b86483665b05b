using System.IO.Compression;
using System.Text.Json.Nodes;
using Omnichannel.Functions;
using Omnichannel.Infra.Tests.Bicep;
using Omnichannel.Infra.Tests.Support;
using Omnichannel.LocalHost.Functions;

namespace Omnichannel.Infra.Tests.Package;

/// <summary>What infra/package.sh produces: the Worker SDK's publish output, zipped, as the Functions host runs it.</summary>
[Collection(InfraCollection.Name)]
public sealed class PackageTests(PackagedHub package)
{
    [Fact]
    public void Package_Name_CarriesTheVersion()
    {
        Assert.Equal($"omnichannel-hub-{package.Version}.zip", Path.GetFileName(package.ZipPath));
    }

    [Fact]
    public void Package_HostJson_IsTheAppsHostJson()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);

        Assert.Equal(File.ReadAllText(Repository.HostJson), Read(zip, "host.json"));
    }

    [Fact]
    public void Package_WorkerConfig_NamesTheAppAsADotnetIsolatedWorker()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var description = JsonNode.Parse(Read(zip, "worker.config.json"))!["description"]!;
        var worker = (string)description["defaultWorkerPath"]!;

        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        Assert.Equal($"{typeof(HubServices).Assembly.GetName().Name}.dll", worker);
        Assert.NotNull(zip.GetEntry(worker));
    }

    [Fact]
    public void Package_FunctionsMetadata_ListsEveryFunctionOfTheApp()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var packaged = JsonNode.Parse(Read(zip, "functions.metadata"))!.AsArray().Select(f => (string)f!["name"]!);
        var declared = FunctionCatalog.Discover(typeof(HubServices).Assembly).Select(f => f.Name);

        Assert.Equal(declared.Order(StringComparer.Ordinal), packaged.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Package_HostExtensions_CarryQueuesAndDurableTask()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var extensions = JsonNode.Parse(Read(zip, "extensions.json"))!["extensions"]!.AsArray().Select(e => (string)e!["name"]!).ToList();

        Assert.Contains(".azurefunctions/Microsoft.Azure.WebJobs.Extensions.DurableTask.dll", names);
        Assert.Contains(".azurefunctions/Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll", names);
        Assert.Contains(extensions, e => e.Contains("DurableTask", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_Contents_NoLocalSettings()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);

        Assert.DoesNotContain(zip.Entries, e => e.Name.StartsWith("local.settings", StringComparison.OrdinalIgnoreCase));
    }

    private static string Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"The package has no {name}.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
