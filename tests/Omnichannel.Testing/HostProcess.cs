using System.Diagnostics;

namespace Omnichannel.Testing;

/// <summary>
/// Runs a built host as a user would (<c>dotnet {assembly}</c> from the test's output folder, settings as environment
/// variables) until it exits; a host still running at the timeout is killed, so no test leaves one behind.
/// </summary>
public static class HostProcess
{
    /// <summary>Runs <paramref name="assemblyFile"/> (e.g. <c>Omnichannel.LocalHost.dll</c>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string assemblyFile, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assemblyFile));
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException e)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"{assemblyFile} was still running after {limit}; stderr: {await stderr}", e);
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
