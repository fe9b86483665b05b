using System.Diagnostics;

namespace Omnichannel.LocalHost.LocalStorage;

/// <summary>
/// A running Azurite. Disposing stops it when this process started it; an emulator that was already
/// running is left alone. The process is also stopped when this process exits normally.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process? _process;

    private AzuriteProcess(AzuritePorts ports, Process? process)
    {
        Ports = ports;
        _process = process;
        if (process is not null)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill(process);
        }
    }

    public AzuritePorts Ports { get; }

    /// <summary>True when this process started the emulator and will stop it.</summary>
    public bool StartedHere => _process is not null;

    public string ConnectionString => Ports.ConnectionString;

    /// <summary>
    /// Stops an emulator this process started as a storage outage would: SIGTERM, so Azurite saves what it holds
    /// in memory (it writes its disk store every 5 s, so a SIGKILL loses the last seconds, which an outage of real
    /// storage never does), then SIGKILL if it has not exited within <paramref name="grace"/>. Waits until it has exited.
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        if (!OperatingSystem.IsWindows())
        {
            using var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false });
            if (term is not null)
            {
                await term.WaitForExitAsync();
            }
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(_process);
            await _process.WaitForExitAsync();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            Kill(_process);
            _process.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    internal static AzuriteProcess External(AzuritePorts ports) => new(ports, null);

    internal static AzuriteProcess Owned(AzuritePorts ports, Process process) => new(ports, process);

    internal static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
