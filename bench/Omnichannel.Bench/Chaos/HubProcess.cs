using System.Diagnostics;
using System.Globalization;
using Omnichannel.LocalHost.LocalStorage;

namespace Omnichannel.Bench.Chaos;

/// <summary>
/// The hub as its own process (the Release build of the local host, started with <c>dotnet</c>), so the chaos run can
/// SIGKILL it as a crash would. Its settings are the sample's (demo accounts, demo catalogue) with storage, URL and keys
/// given; its output goes to a log file next to the run. Disposing kills it.
/// </summary>
internal sealed class HubProcess(string dll, int port, string storage, string functionKey, string adminKey) : IAsyncDisposable
{
    private readonly string _log = Path.Combine(Path.GetTempPath(), $"hub-chaos-{port}.log");
    private Process? _process;

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AzuriteLauncher.FindRepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["AzureWebJobsStorage"] = storage;
        start.Environment["Hub__Urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["Hub__FunctionKey"] = functionKey;
        start.Environment["Hub__AdminKey"] = adminKey;
        start.Environment["Orders__SeedDemo"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the hub.");
        var writer = File.AppendText(_log);
        writer.AutoFlush = true;
        _process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL, as a crash: nothing is flushed or handed back.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Console.WriteLine($"hub log: {_log}");
        return ValueTask.CompletedTask;
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            writer.WriteLine(line);
        }
    }
}
