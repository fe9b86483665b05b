using Omnichannel.Testing;

namespace Omnichannel.Functions.Tests;

/// <summary>
/// The isolated worker started as the Functions host starts it, with a bad setting: start-up validation runs before
/// the worker connects to the host, so the worker is given a host endpoint that is never there and must stop first.
/// </summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Main_BadFeatureSetting_OneLineNamingItAndExitCode1()
    {
        await using var functionsHost = new RefusingEndpoint();

        var (exitCode, stdout, stderr) = await RunWorkerAsync(functionsHost, new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Orders__AlertsQueue"] = "Bad--Queue",
            ["Channels__shopify__main__BaseUrl"] = "not a url",
        });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains("Orders__AlertsQueue must be a queue name", line, StringComparison.Ordinal);
        Assert.Contains("Channels__shopify__main__BaseUrl must be an absolute URL", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_MalformedStorageSetting_OneLineNamingItAndExitCode1()
    {
        await using var functionsHost = new RefusingEndpoint();

        var (exitCode, stdout, stderr) = await RunWorkerAsync(functionsHost, new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = "AccountName=x;AccountKey=not-base64",
        });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: Setting 'AzureWebJobsStorage'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs the built worker with <paramref name="settings"/>, pointed at <paramref name="functionsHost"/> as its host.</summary>
    private static Task<(int ExitCode, string Stdout, string Stderr)> RunWorkerAsync(RefusingEndpoint functionsHost, Dictionary<string, string> settings)
    {
        settings["Functions__Worker__HostEndpoint"] = functionsHost.Url.ToString();
        return HostProcess.RunAsync("Omnichannel.Functions.dll", settings);
    }
}
