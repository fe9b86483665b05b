using Omnichannel.Testing;

namespace Omnichannel.LocalHost.Tests.Configuration;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task Main_BadFeatureSetting_OneLineNamingItAndExitCode1()
    {
        var (exitCode, stdout, stderr) = await RunHostAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = await Azurite.ConnectionStringAsync(),
            ["Hub__Urls"] = "http://127.0.0.1:0",
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
        var (exitCode, stdout, stderr) = await RunHostAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = "AccountName=x;AccountKey=not-base64",
        });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: Setting 'AzureWebJobsStorage'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_MissingKey_OneLineNamingItAndExitCode1()
    {
        var (exitCode, stdout, stderr) = await RunHostAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = await Azurite.ConnectionStringAsync(),
            ["Hub__FunctionKey"] = "",
            ["Hub__Urls"] = "http://127.0.0.1:0",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Configuration error: Hub__FunctionKey is missing", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunHostAsync(Dictionary<string, string> environment) =>
        HostProcess.RunAsync("Omnichannel.LocalHost.dll", environment);
}
