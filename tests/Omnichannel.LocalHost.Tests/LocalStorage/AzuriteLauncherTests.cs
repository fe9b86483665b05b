using Omnichannel.LocalHost.LocalStorage;

namespace Omnichannel.LocalHost.Tests.LocalStorage;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>Changes this process's PATH, so it runs alone.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class AzuriteLauncherTests
{
    [Fact]
    public async Task EnsureRunningAsync_NodeMissing_OneLineSayingWhatToInstall()
    {
        // Install first (with PATH intact) so the test reaches the point where node itself is started.
        await Omnichannel.Testing.Azurite.ConnectionStringAsync();
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", Path.Combine(Path.GetTempPath(), "no-such-folder"));
        try
        {
            var error = await Assert.ThrowsAsync<AzuriteUnavailableException>(
                () => AzuriteLauncher.EnsureRunningAsync(AzuriteLauncher.FreePorts(), dataFolder: null, CancellationToken.None));

            Assert.Contains("install Node.js", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    [Fact]
    public async Task EnsureRunningAsync_AlreadyListening_UsesItAndLeavesItRunning()
    {
        var connection = await Omnichannel.Testing.Azurite.ConnectionStringAsync();
        var ports = PortsOf(connection);

        await using (var second = await AzuriteLauncher.EnsureRunningAsync(ports, dataFolder: null, CancellationToken.None))
        {
            Assert.False(second.StartedHere);
        }

        var account = Omnichannel.Storage.Connection.StorageAccount.FromConnectionString(connection);
        await account.Tables.GetPropertiesAsync();
    }

    [Fact]
    public async Task Watchdog_StarterKilledWithoutStoppingIt_AzuriteExits()
    {
        await Omnichannel.Testing.Azurite.ConnectionStringAsync();
        var root = AzuriteLauncher.FindRepositoryRoot();
        var ports = AzuriteLauncher.FreePorts();
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, WorkingDirectory = root };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(
            "node --require functions/Omnichannel.LocalHost/LocalStorage/azurite-watchdog.cjs node_modules/azurite/dist/src/azurite.js " +
            $"--silent --skipApiVersionCheck --inMemoryPersistence --blobPort {ports.Blob} --queuePort {ports.Queue} --tablePort {ports.Table} " +
            "> /dev/null & echo $!; wait");
        using var starter = System.Diagnostics.Process.Start(start)!;
        using var azurite = System.Diagnostics.Process.GetProcessById(int.Parse(await starter.StandardOutput.ReadLineAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture));

        starter.Kill();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await azurite.WaitForExitAsync(timeout.Token);
        Assert.True(azurite.HasExited);
    }

    private static AzuritePorts PortsOf(string connectionString)
    {
        int Port(string endpoint) => new Uri(connectionString.Split(';').Single(p => p.StartsWith(endpoint + "=", StringComparison.Ordinal))[(endpoint.Length + 1)..]).Port;
        return new AzuritePorts(Port("BlobEndpoint"), Port("QueueEndpoint"), Port("TableEndpoint"));
    }
}
