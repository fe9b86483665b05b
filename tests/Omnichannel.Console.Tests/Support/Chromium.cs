using System.Diagnostics;

namespace Omnichannel.OperationsConsole.Tests.Support;

/// <summary>
/// Debian's Chromium, which Playwright drives through <c>ExecutablePath</c> (no browser download). Missing, it is
/// installed with apt-get (CI runs the tests as root); if that fails the tests fail saying so: nothing is skipped.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureInstalledAsync()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        await Gate.WaitAsync();
        try
        {
            if (File.Exists(ExecutablePath))
            {
                return;
            }

            var install = await RunAsync("apt-get", "install -y --no-install-recommends chromium");
            if (install.ExitCode != 0)
            {
                // A fresh machine may have no package lists yet.
                await RunAsync("apt-get", "update");
                install = await RunAsync("apt-get", "install -y --no-install-recommends chromium");
            }

            if (!File.Exists(ExecutablePath))
            {
                throw new InvalidOperationException(
                    $"Chromium is not at {ExecutablePath} and 'apt-get install -y chromium' did not install it (exit {install.ExitCode}, run as root?): {install.Output[^Math.Min(install.Output.Length, 2000)..]}");
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await output + await error);
    }
}
