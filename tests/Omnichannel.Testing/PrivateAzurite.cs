using Omnichannel.LocalHost.LocalStorage;

namespace Omnichannel.Testing;

/// <summary>
/// An Azurite of one test's own, on free ports, with its data on disk in a temporary folder, so the test can stop
/// it (an outage: the process ends, nothing listens) and start it again on the same ports with its data intact.
/// Disposing stops it and deletes the folder; the watchdog preloaded by <see cref="AzuriteLauncher"/> ends it if
/// the test process dies first.
/// </summary>
public sealed class PrivateAzurite : IAsyncDisposable
{
    private readonly string _folder;
    private AzuriteProcess? _process;

    private PrivateAzurite(AzuritePorts ports, string folder)
    {
        Ports = ports;
        _folder = folder;
    }

    public AzuritePorts Ports { get; }

    public string ConnectionString => Ports.ConnectionString;

    /// <summary>True while the emulator runs.</summary>
    public bool IsRunning => _process is not null;

    public static async Task<PrivateAzurite> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var azurite = new PrivateAzurite(AzuriteLauncher.FreePorts(), Path.Combine(Path.GetTempPath(), "hub-azurite-" + Guid.NewGuid().ToString("N")[..12]));
            try
            {
                await azurite.RestartAsync();
                return azurite;
            }
            catch (AzuriteUnavailableException) when (attempt < 3)
            {
                // A free port was taken between choosing it and Azurite binding it; choose again.
                await azurite.DisposeAsync();
            }
        }
    }

    /// <summary>Stops the emulator (see <see cref="AzuriteProcess.StopAsync"/>); storage is unreachable until <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await process.StopAsync(TimeSpan.FromSeconds(10));
            await process.DisposeAsync();
        }
    }

    /// <summary>Starts the emulator again on the same ports and data.</summary>
    public async Task RestartAsync()
    {
        if (_process is not null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var process = await AzuriteLauncher.EnsureRunningAsync(Ports, _folder, timeout.Token);
        if (!process.StartedHere)
        {
            throw new AzuriteUnavailableException($"Something else listens on {Ports.Blob}-{Ports.Table}; the private emulator did not start.");
        }

        _process = process;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temporary folder.
            _ = e;
        }
    }
}
