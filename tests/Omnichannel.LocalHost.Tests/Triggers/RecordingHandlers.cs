using System.Collections.Concurrent;
using Omnichannel.Hosting.Declarations;

namespace Omnichannel.LocalHost.Tests.Triggers;

/// <summary>What the trigger tests' handlers saw, shared through DI as a singleton.</summary>
public sealed class Recorder
{
    public ConcurrentQueue<TimerInvocation> Ticks { get; } = new();

    public ConcurrentQueue<QueueInvocation> Messages { get; } = new();

    public SemaphoreSlim Signal { get; } = new(0);

    /// <summary>When set, the queue handler waits for this before finishing.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When true, the queue handler throws after recording.</summary>
    public bool Fail { get; set; }
}

public sealed class RecordingTimerHandler(Recorder recorder) : ITimerHandler
{
    public Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken)
    {
        recorder.Ticks.Enqueue(timer);
        recorder.Signal.Release();
        return Task.CompletedTask;
    }
}

public sealed class RecordingQueueHandler(Recorder recorder) : IQueueHandler
{
    public async Task HandleAsync(QueueInvocation message, CancellationToken cancellationToken)
    {
        recorder.Messages.Enqueue(message);
        recorder.Signal.Release();
        if (recorder.Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (recorder.Fail)
        {
            throw new InvalidOperationException($"Handler failed on delivery {message.DequeueCount}.");
        }
    }
}
