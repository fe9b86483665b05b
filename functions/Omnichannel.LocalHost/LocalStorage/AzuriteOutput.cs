using System.Collections.Concurrent;
using System.Diagnostics;

namespace Omnichannel.LocalHost.LocalStorage;

/// <summary>Keeps the last lines a child process printed, to explain a failed start in one message.</summary>
internal sealed class AzuriteOutput
{
    private readonly ConcurrentQueue<string> _lines = new();

    public AzuriteOutput(Process process)
    {
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Tail() => _lines.IsEmpty ? "(no output)" : string.Join(" | ", _lines);

    private void Keep(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        _lines.Enqueue(line.Trim());
        while (_lines.Count > 10 && _lines.TryDequeue(out _))
        {
        }
    }
}
