using System.Collections.Concurrent;

namespace Omnichannel.Durable.Tests;

/// <summary>What test activities did: runs per name and effects per idempotency key. One per test runtime.</summary>
internal sealed class Recorder
{
    public ConcurrentDictionary<string, int> Runs { get; } = new();

    public ConcurrentDictionary<string, int> Effects { get; } = new();

    public ConcurrentQueue<string> Order { get; } = new();

    public int RunsOf(string name) => Runs.GetValueOrDefault(name);

    public void Run(string name)
    {
        Runs.AddOrUpdate(name, 1, (_, n) => n + 1);
        Order.Enqueue(name);
    }

    /// <summary>Applies an effect once per key, as an idempotent external system would.</summary>
    public void Effect(string key) => Effects.AddOrUpdate(key, 1, (_, n) => n);
}
