using System.IO.Compression;
using Omnichannel.Infra.Tests.Support;

namespace Omnichannel.Infra.Tests.Package;

/// <summary>
/// Runs <c>infra/package.sh</c> once, as a user would, into temp folders (its build output too, so the
/// repository's bin/obj are untouched), and extracts the zip it produces. About a minute: a Release
/// self-contained publish.
/// </summary>
public sealed class PackagedHub : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _build = new("package-build");
    private readonly TempFolder _output = new("package-out");
    private readonly TempFolder _extracted = new("package-run");

    public string Version { get; } = "test-" + Guid.NewGuid().ToString("N")[..8];

    public string ZipPath { get; private set; } = "";

    /// <summary>The package extracted outside the repository, as the Functions host would see it.</summary>
    public string Folder => _extracted.Path;

    public ProcessResult Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string?>
        {
            ["PACKAGE_BUILD_DIR"] = _build.Path,
            // No build servers or reused nodes: they would outlive the script holding its output pipes open.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
        };
        foreach (var inherited in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            // dotnet test passes its own MSBuild locations down; a nested build must find its own.
            if (inherited.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && !environment.ContainsKey(inherited))
            {
                environment[inherited] = null;
            }
        }

        Run = await ProcessRunner.RunAsync(
            "bash",
            [Path.Combine(Repository.Infra, "package.sh"), Version, _output.Path],
            Repository.Root,
            TimeSpan.FromMinutes(8),
            environment);
        if (Run.ExitCode != 0)
        {
            throw new InvalidOperationException($"package.sh failed ({Run.ExitCode}):\n{Run.All}");
        }

        ZipPath = Run.Output.Trim().Split('\n')[^1].Trim();
        ZipFile.ExtractToDirectory(ZipPath, Folder);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _build.Dispose();
        _output.Dispose();
        _extracted.Dispose();
    }
}

