using System.Collections.Concurrent;

namespace Omnichannel.Hosting.Health;

/// <summary>
/// What each trigger listener of this host is doing, for <c>GET /api/health</c>: the local host's queue listeners,
/// timers and durable engine report here (on Azure the Functions host runs the triggers, and nothing reports).
/// A listener is <see cref="TriggerStatus.Running"/> or <see cref="TriggerStatus.BackingOff"/> (storage failed; it
/// waits and tries again) since a time, with its last error. Thread-safe; one per host (a singleton).
/// </summary>
public sealed class TriggerHealth(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TriggerState> _states = new(StringComparer.Ordinal);

    /// <summary>The listener works (again). Keeps the last error, so a recovered listener still shows what happened.</summary>
    public void Running(string name, string kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        _states.AddOrUpdate(
            name,
            _ => new TriggerState(name, kind, TriggerStatus.Running, time.GetUtcNow(), null, null, null),
            (_, old) => old.Status == TriggerStatus.Running ? old : old with { Status = TriggerStatus.Running, Since = time.GetUtcNow(), RetryAt = null });
    }

    /// <summary>The listener failed and waits <paramref name="retryIn"/> before trying again; <c>Since</c> is when it first failed.</summary>
    public void BackingOff(string name, string kind, Exception error, TimeSpan retryIn)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(error);
        var now = time.GetUtcNow();
        var message = Describe(error);
        _states.AddOrUpdate(
            name,
            _ => new TriggerState(name, kind, TriggerStatus.BackingOff, now, message, now, now + retryIn),
            (_, old) => old with
            {
                Status = TriggerStatus.BackingOff,
                Since = old.Status == TriggerStatus.BackingOff ? old.Since : now,
                LastError = message,
                LastErrorAt = now,
                RetryAt = now + retryIn,
            });
    }

    /// <summary>Every listener that reported, by name.</summary>
    public IReadOnlyList<TriggerState> Snapshot() => [.. _states.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>The error's type and first line, never a stack trace (the log has it).</summary>
    public static string Describe(Exception error)
    {
        var inner = error is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[0] : error;
        var line = inner.Message.Split('\n')[0].Trim();
        var text = $"{error.GetType().Name}: {line}";
        return text.Length > 300 ? text[..300] : text;
    }
}
