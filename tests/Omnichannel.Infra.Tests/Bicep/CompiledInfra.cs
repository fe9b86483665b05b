using System.Text.Json.Nodes;
using Omnichannel.Infra.Tests.Support;

namespace Omnichannel.Infra.Tests.Bicep;

/// <summary>
/// A copy of <c>infra/</c> compiled once for all tests: lint, build and build-params over every file, and
/// a snapshot (the resources ARM would deploy, expressions evaluated where they can be before deployment)
/// for each parameter file. Works on a copy so the compiled JSON never lands in the repository.
/// </summary>
public sealed class CompiledInfra : IAsyncLifetime, IDisposable
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000a001";
    public const string TenantId = "00000000-0000-0000-0000-00000000b001";
    public const string ResourceGroup = "rg-omnihub";
    public const string Location = "westeurope";

    /// <summary>An extra parameter file written into the copy: an operator who may set secrets.</summary>
    public const string OperatorEnvironment = "test-operator";
    public const string OperatorPrincipalId = "11111111-2222-3333-4444-555555555555";

    /// <summary>The operations console's app registration in the extra parameter file (App Service authentication on).</summary>
    public const string ConsoleClientId = "66666666-7777-8888-9999-aaaaaaaaaaaa";

    private readonly TempFolder _folder = new("bicep");
    private readonly Dictionary<string, ProcessResult> _snapshotRuns = [];

    public string Folder => _folder.Path;

    /// <summary>Every .bicep file of infra/, relative to it.</summary>
    public IReadOnlyList<string> BicepFiles { get; private set; } = [];

    /// <summary>Every .bicepparam file of infra/ (not the test's own), relative to it.</summary>
    public IReadOnlyList<string> ParameterFiles { get; private set; } = [];

    public ProcessResult Lint { get; private set; } = null!;

    public ProcessResult Build { get; private set; } = null!;

    public ProcessResult BuildParams { get; private set; } = null!;

    public IReadOnlyDictionary<string, ProcessResult> SnapshotRuns => _snapshotRuns;

    /// <summary>The environments that have a parameter file in infra/parameters (dev, prod).</summary>
    public IEnumerable<string> Environments => ParameterFiles.Select(f => Path.GetFileNameWithoutExtension(f));

    public async Task InitializeAsync()
    {
        TempFolder.Copy(Repository.Infra, Folder);
        BicepFiles = Relative(Directory.GetFiles(Folder, "*.bicep", SearchOption.AllDirectories));
        ParameterFiles = Relative(Directory.GetFiles(Folder, "*.bicepparam", SearchOption.AllDirectories));
        await File.WriteAllTextAsync(
            Path.Combine(Folder, "parameters", $"{OperatorEnvironment}.bicepparam"),
            $"using '../main.bicep'\n\nparam environmentName = 'test'\nparam operatorPrincipalId = '{OperatorPrincipalId}'\nparam operatorPrincipalType = 'Group'\nparam consoleClientId = '{ConsoleClientId}'\n");

        // Independent commands writing different files: run side by side.
        var lint = BicepCli.RunAsync(Folder, "lint", "--pattern", "**/*.bicep");
        var build = BicepCli.RunAsync(Folder, "build", "--pattern", "**/*.bicep");
        var buildParams = BicepCli.RunAsync(Folder, "build-params", "--pattern", "**/*.bicepparam");
        var snapshots = Environments.Append(OperatorEnvironment).ToDictionary(e => e, e => SnapshotAsync(Folder, e));
        await Task.WhenAll([lint, build, buildParams, .. snapshots.Values]);
        Lint = await lint;
        Build = await build;
        BuildParams = await buildParams;
        foreach (var (environment, run) in snapshots)
        {
            _snapshotRuns[environment] = await run;
        }
    }

    /// <summary>The compiled ARM template of a .bicep file (path relative to infra/).</summary>
    public JsonObject Template(string bicepFile) => ReadJson(Path.ChangeExtension(bicepFile, ".json"));

    /// <summary>The compiled parameters of a .bicepparam file (path relative to infra/).</summary>
    public JsonObject Parameters(string parameterFile) => ReadJson(Path.ChangeExtension(parameterFile, ".json"));

    /// <summary>What ARM would deploy with the named environment's parameter file.</summary>
    public DeploymentSnapshot Snapshot(string environment) =>
        new(ReadJson(Path.Combine("parameters", $"{environment}.snapshot.json")));

    private static Task<ProcessResult> SnapshotAsync(string infraCopy, string environment) =>
        BicepCli.RunAsync(
            infraCopy,
            "snapshot",
            Path.Combine("parameters", $"{environment}.bicepparam"),
            "--subscription-id",
            SubscriptionId,
            "--tenant-id",
            TenantId,
            "--resource-group",
            ResourceGroup,
            "--location",
            Location);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();

    private JsonObject ReadJson(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, relativePath)))!.AsObject();

    private List<string> Relative(IEnumerable<string> files) =>
        files.Select(f => Path.GetRelativePath(Folder, f)).Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// One collection for every test here: the Bicep compilation and the package are each made once, and the
/// start-up tests need both.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<CompiledInfra>, ICollectionFixture<Package.PackagedHub>
{
    public const string Name = "infra";
}
