using Microsoft.Extensions.Time.Testing;

namespace Omnichannel.Sync.Tests.Support;

/// <summary>A fake clock that tells a test when code starts waiting on it (a timer is created), so the test advances it only then.</summary>
public sealed class SignalingTime(DateTimeOffset start) : FakeTimeProvider(start)
{
    private TaskCompletionSource<TimeSpan> _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the due time of the next timer created from now on.</summary>
    public Task<TimeSpan> NextTimer()
    {
        _created = new(TaskCreationOptions.RunContinuationsAsynchronously);
        return _created.Task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _created.TrySetResult(dueTime);
        return timer;
    }
}
