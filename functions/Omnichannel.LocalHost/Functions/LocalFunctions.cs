using Omnichannel.LocalHost.Configuration;
using Omnichannel.LocalHost.Triggers;

namespace Omnichannel.LocalHost.Functions;

/// <summary>The app's functions as the local host serves them, built once at start-up from configuration.</summary>
public sealed class LocalFunctions
{
    public LocalFunctions(IReadOnlyList<LocalFunction> all, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(all);
        All = all;
        var queueOptions = HostJson.QueueOptions(configuration);
        Timers = all.Where(f => f.Kind == TriggerKind.Timer).Select(f => TimerTarget.From(f, configuration)).ToList();
        Queues = all.Where(f => f.Kind == TriggerKind.Queue).Select(f => QueueTarget.From(f, configuration, queueOptions)).ToList();
    }

    /// <summary>Every function, ordered by name.</summary>
    public IReadOnlyList<LocalFunction> All { get; }

    public IReadOnlyList<TimerTarget> Timers { get; }

    public IReadOnlyList<QueueTarget> Queues { get; }
}
