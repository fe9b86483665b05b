using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Infra.Tests.Bicep;
using Omnichannel.Infra.Tests.Support;
using Omnichannel.LocalHost;
using Omnichannel.LocalHost.CustomHandler;

namespace Omnichannel.Infra.Tests.Package;

/// <summary>What infra/package.sh produces: the zip the Functions host runs.</summary>
[Collection(InfraCollection.Name)]
public sealed class PackageTests(PackagedHub package)
{
    private const UnixFileMode Executable = UnixFileMode.UserExecute;

    [Fact]
    public void Package_Name_CarriesTheVersion()
    {
        Assert.Equal($"omnichannel-hub-{package.Version}.zip", Path.GetFileName(package.ZipPath));
    }

    [Fact]
    public void Package_HostJson_NamesThePublishedExecutable()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var hostJson = Read(zip, "host.json");
        var executable = (string)JsonNode.Parse(hostJson)!["customHandler"]!["description"]!["defaultExecutablePath"]!;

        Assert.Equal(File.ReadAllText(Repository.HostJson), hostJson);
        Assert.Equal(typeof(HubApp).Assembly.GetName().Name, executable);
        var entry = zip.GetEntry(executable);
        Assert.NotNull(entry);
        Assert.True(((UnixFileMode)(entry.ExternalAttributes >> 16) & Executable) != 0, $"{executable} is not executable in the zip.");
    }

    [Fact]
    public void Package_Runtime_IsSelfContainedWithoutLocalSettings()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var runtimeConfig = JsonNode.Parse(Read(zip, "Omnichannel.LocalHost.runtimeconfig.json"))!;

        Assert.Contains("libcoreclr.so", names);
        Assert.NotNull(runtimeConfig["runtimeOptions"]!["includedFrameworks"]);
        Assert.DoesNotContain(names, n => n.StartsWith("local.settings", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Package_Functions_OneFunctionJsonPerDeclaredFunction()
    {
        await using var app = HubApp.Build([]);
        var declared = app.Services.GetServices<FunctionDefinition>().ToList();
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var packaged = zip.Entries.Where(e => e.FullName.EndsWith("/function.json", StringComparison.Ordinal)).Select(e => e.FullName);

        Assert.NotEmpty(declared);
        Assert.Equal(declared.Select(f => $"{f.Name}/function.json").Order(StringComparer.Ordinal), packaged.Order(StringComparer.Ordinal));
        Assert.All(declared, f => Assert.True(
            JsonNode.DeepEquals(FunctionJsonGenerator.Generate(f), JsonNode.Parse(Read(zip, $"{f.Name}/function.json"))),
            $"{f.Name}/function.json differs from the declaration."));
    }

    private static string Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"The package has no {name}.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
