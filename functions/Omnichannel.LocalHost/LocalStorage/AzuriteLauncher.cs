using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Omnichannel.LocalHost.LocalStorage;

/// <summary>
/// Installs (from the repository's pinned <c>package.json</c>/lock file) and starts Azurite, the local
/// storage emulator, so that the run and test commands need nothing but the .NET SDK and Node.js.
/// </summary>
public static class AzuriteLauncher
{
    private const string EntryPoint = "node_modules/azurite/dist/src/azurite.js";

    /// <summary>Ends Azurite when the process that started it dies without stopping it.</summary>
    private const string Watchdog = "functions/Omnichannel.LocalHost/LocalStorage/azurite-watchdog.cjs";

    /// <summary>
    /// Starts Azurite on <paramref name="ports"/> unless something already listens there, in which case the
    /// running emulator is used and the returned handle does nothing on dispose.
    /// </summary>
    /// <param name="ports">Where to listen.</param>
    /// <param name="dataFolder">Where Azurite keeps its data; null keeps it in memory.</param>
    /// <param name="cancellationToken">Stops waiting for the install or start.</param>
    public static async Task<AzuriteProcess> EnsureRunningAsync(AzuritePorts ports, string? dataFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ports);
        if (await AllListeningAsync(ports, cancellationToken))
        {
            return AzuriteProcess.External(ports);
        }

        var root = FindRepositoryRoot();
        await InstallAsync(root, cancellationToken);

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(root, ports, dataFolder))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Start(start);
        var output = new AzuriteOutput(process);
        var deadline = Stopwatch.StartNew();
        while (!await AllListeningAsync(ports, cancellationToken))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                AzuriteProcess.Kill(process);
                throw new AzuriteUnavailableException($"Azurite did not start on ports {ports.Blob}-{ports.Table}: {output.Tail()}");
            }

            await Task.Delay(100, cancellationToken);
        }

        return AzuriteProcess.Owned(ports, process);
    }

    /// <summary>Three distinct free loopback ports, for a private emulator (one per test process).</summary>
    public static AzuritePorts FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
            return new AzuritePorts(ports[0], ports[1], ports[2]);
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    /// <summary>The folder holding <c>package.json</c> and the solution, found from the app's location.</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "Omnichannel.Functions.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new AzuriteUnavailableException("Cannot find the repository root (package.json next to Omnichannel.Functions.sln) to install Azurite from; run from a clone of the repository or point AzureWebJobsStorage at a running storage account.");
    }

    private static IEnumerable<string> Arguments(string root, AzuritePorts ports, string? dataFolder)
    {
        yield return "--require";
        yield return Path.Combine(root, Watchdog);
        yield return Path.Combine(root, EntryPoint);
        yield return "--silent";
        // The current Blob and Queue SDKs send a newer API version than Azurite 3.37 knows.
        yield return "--skipApiVersionCheck";
        yield return "--disableProductStyleUrl";
        foreach (var (name, port) in new[] { ("blob", ports.Blob), ("queue", ports.Queue), ("table", ports.Table) })
        {
            yield return $"--{name}Host";
            yield return "127.0.0.1";
            yield return $"--{name}Port";
            yield return port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (dataFolder is null)
        {
            yield return "--inMemoryPersistence";
        }
        else
        {
            Directory.CreateDirectory(dataFolder);
            yield return "--location";
            yield return dataFolder;
        }
    }

    /// <summary>
    /// Runs <c>npm ci</c> once. A lock file serialises concurrent callers (test projects start in parallel),
    /// and the install is skipped when the pinned Azurite is already there.
    /// </summary>
    private static async Task InstallAsync(string root, CancellationToken cancellationToken)
    {
        var entryPoint = Path.Combine(root, EntryPoint);
        if (File.Exists(entryPoint))
        {
            return;
        }

        var lockFolder = Path.Combine(root, ".azurite");
        Directory.CreateDirectory(lockFolder);
        await using var installLock = await AcquireLockAsync(Path.Combine(lockFolder, "install.lock"), cancellationToken);
        if (File.Exists(entryPoint))
        {
            return;
        }

        var npm = new ProcessStartInfo("npm")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            npm.ArgumentList.Add(argument);
        }

        using var process = Start(npm);
        var output = new AzuriteOutput(process);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || !File.Exists(entryPoint))
        {
            throw new AzuriteUnavailableException($"'npm ci' failed (exit {process.ExitCode}) installing Azurite: {output.Tail()}");
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new AzuriteUnavailableException($"Could not start '{start.FileName}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AzuriteUnavailableException(
                $"'{start.FileName}' was not found: install Node.js 20 or later with npm (for example 'apt-get install nodejs npm') to run the local storage emulator, or set AzureWebJobsStorage to a real storage account.",
                e);
        }
    }

    private static async Task<bool> AllListeningAsync(AzuritePorts ports, CancellationToken cancellationToken)
    {
        foreach (var port in ports.All)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }
}
