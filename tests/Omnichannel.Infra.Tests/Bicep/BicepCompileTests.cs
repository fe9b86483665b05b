using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Omnichannel.Infra.Tests.Support;

namespace Omnichannel.Infra.Tests.Bicep;

/// <summary>Every Bicep file compiles and lints clean with the CLI from NuGet, offline.</summary>
[Collection(InfraCollection.Name)]
public sealed partial class BicepCompileTests(CompiledInfra infra)
{
    [Fact]
    public void Files_InfraFolder_HasMainModulesAndBothEnvironments()
    {
        Assert.Contains("main.bicep", infra.BicepFiles);
        Assert.True(infra.BicepFiles.Count(f => f.StartsWith("modules", StringComparison.Ordinal)) >= 5);
        Assert.Equal(["dev", "prod"], infra.Environments.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lint_EveryBicepFile_NoErrorsOrWarnings()
    {
        AssertClean(infra.Lint);
    }

    [Fact]
    public void Build_EveryBicepFile_CompilesWithoutDiagnostics()
    {
        AssertClean(infra.Build);
        foreach (var file in infra.BicepFiles)
        {
            Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", (string?)infra.Template(file)["$schema"]);
        }
    }

    [Fact]
    public void BuildParams_EveryParameterFile_CompilesWithoutDiagnostics()
    {
        AssertClean(infra.BuildParams);
        foreach (var file in infra.ParameterFiles)
        {
            Assert.NotEmpty(infra.Parameters(file)["parameters"]!.AsObject());
        }
    }

    [Fact]
    public void Snapshot_EveryEnvironment_EvaluatesWithoutDiagnostics()
    {
        foreach (var (environment, run) in infra.SnapshotRuns)
        {
            AssertClean(run);
            Assert.Empty(infra.Snapshot(environment).Diagnostics);
        }
    }

    [Fact]
    public void Config_EveryLinterRule_IsErrorOrDocumentedOff()
    {
        var config = JsonNode.Parse(
            File.ReadAllText(Path.Combine(Repository.Infra, "bicepconfig.json")),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        var core = config["analyzers"]!["core"]!;
        Assert.True((bool)core["enabled"]!);
        var levels = core["rules"]!.AsObject().ToDictionary(r => r.Key, r => (string)r.Value!["level"]!);

        Assert.True(levels.Count >= 30, "bicepconfig.json should name every linter rule.");
        Assert.All(levels.Where(r => r.Value != "error"), r => Assert.Contains(r.Key, (string[])["use-recent-api-versions", "use-recent-module-versions"]));
    }

    [Fact]
    public void Modules_EveryReference_IsALocalFile()
    {
        foreach (var file in infra.BicepFiles.Concat(infra.ParameterFiles))
        {
            var text = File.ReadAllText(Path.Combine(Repository.Infra, file));
            foreach (Match reference in ModuleReference().Matches(text))
            {
                var path = reference.Groups["path"].Value;
                Assert.False(path.Contains(':', StringComparison.Ordinal), $"{file} references the registry module '{path}'.");
                Assert.True(File.Exists(Path.Combine(Repository.Infra, Path.GetDirectoryName(file)!, path)), $"{file}: '{path}' is not in the repository.");
            }
        }
    }

    [Fact]
    public void Parameters_EveryDescription_StartsWithRequiredOrOptional()
    {
        foreach (var file in infra.BicepFiles)
        {
            foreach (var (name, parameter) in infra.Template(file)["parameters"]!.AsObject())
            {
                var description = (string?)parameter!["metadata"]?["description"];
                Assert.False(description is null, $"{file}: parameter '{name}' has no description.");
                var hasDefault = parameter.AsObject().ContainsKey("defaultValue");
                var expected = hasDefault ? "Optional. " : "Required. ";
                Assert.True(description.StartsWith(expected, StringComparison.Ordinal), $"{file}: '{name}' should start '{expected}': {description}");
            }
        }
    }

    private static void AssertClean(ProcessResult run)
    {
        Assert.True(run.ExitCode == 0, run.All);
        Assert.DoesNotMatch(Diagnostic(), run.All);
    }

    [GeneratedRegex(@"\) : (Warning|Error) ", RegexOptions.CultureInvariant)]
    private static partial Regex Diagnostic();

    [GeneratedRegex(@"^\s*(module\s+\w+|using)\s+'(?<path>[^']+)'", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ModuleReference();
}
