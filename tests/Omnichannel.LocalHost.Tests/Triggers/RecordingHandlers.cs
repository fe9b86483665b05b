using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.LocalHost.Triggers;

namespace Omnichannel.LocalHost.Tests.Triggers;

/// <summary>What the trigger tests' targets saw, shared through DI as a singleton.</summary>
public sealed class Recorder
{
    public ConcurrentQueue<TimerInvocation> Ticks { get; } = new();

    public ConcurrentQueue<RecordedMessage> Messages { get; } = new();

    public SemaphoreSlim Signal { get; } = new(0);

    /// <summary>When set, the queue target waits for this before finishing.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When true, the queue target throws after recording.</summary>
    public bool Fail { get; set; }
}

/// <summary>One delivery a queue target saw.</summary>
public sealed record RecordedMessage(string Body, long DequeueCount);

/// <summary>Timer and queue targets that record into the <see cref="Recorder"/> of their invocation's services.</summary>
public static class Recording
{
    public static TimerTarget Timer(string name, string schedule, bool runOnStartup) =>
        new(name, schedule, runOnStartup, (services, tick, _) =>
        {
            var recorder = services.GetRequiredService<Recorder>();
            recorder.Ticks.Enqueue(tick);
            recorder.Signal.Release();
            return Task.CompletedTask;
        });

    public static QueueTarget Queue(string name, string queueName, QueueTriggerOptions options) =>
        new(name, queueName, options, async (services, message, cancellationToken) =>
        {
            var recorder = services.GetRequiredService<Recorder>();
            recorder.Messages.Enqueue(new RecordedMessage(message.Body.ToString(), message.DequeueCount));
            recorder.Signal.Release();
            if (recorder.Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            if (recorder.Fail)
            {
                throw new InvalidOperationException($"Handler failed on delivery {message.DequeueCount}.");
            }
        });
}
