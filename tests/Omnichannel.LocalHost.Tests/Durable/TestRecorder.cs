using System.Collections.Concurrent;

namespace Omnichannel.LocalHost.Tests.Durable;

/// <summary>What the test functions saw and did, per host (or shared by the hosts of one test).</summary>
public sealed class TestRecorder
{
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>While true, <see cref="TestFunctions.Flaky"/> fails.</summary>
    public bool Faulty { get; set; }

    /// <summary>Released when <see cref="TestFunctions.BlockingAsync"/> has started.</summary>
    public TaskCompletionSource BlockingStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>While not completed, <see cref="TestFunctions.BlockingAsync"/> waits (or until its engine stops).</summary>
    public TaskCompletionSource Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count(string call) => this.Calls.Count(c => c == call);
}
