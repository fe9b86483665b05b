using System.Diagnostics;
using System.Text;

namespace Omnichannel.Infra.Tests.Package;

/// <summary>
/// Starts the packaged app and waits until it prints a marker on either stream (it got that far) or exits (it
/// refused to start), whichever comes first, then stops it.
/// </summary>
internal static class HostedProcess
{
    public sealed record Outcome(bool SawMarker, int? ExitCode, string Output, string Error)
    {
        public string All => Output + Error;
    }

    public static async Task<Outcome> RunUntilAsync(
        string executable,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        string marker,
        TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        var error = new StringBuilder();
        var sawMarker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.Contains(marker, StringComparison.Ordinal))
            {
                sawMarker.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (error)
            {
                error.AppendLine(e.Data);
            }

            if (e.Data.Contains(marker, StringComparison.Ordinal))
            {
                sawMarker.TrySetResult();
            }
        };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        await Task.WhenAny(sawMarker.Task, exited, Task.Delay(timeout));
        int? exitCode = null;
        if (process.HasExited)
        {
            await exited;
            exitCode = process.ExitCode;
        }
        else
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        lock (output)
        {
            lock (error)
            {
                return new Outcome(sawMarker.Task.IsCompleted, exitCode, output.ToString(), error.ToString());
            }
        }
    }
}
