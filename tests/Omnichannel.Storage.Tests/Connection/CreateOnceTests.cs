using Omnichannel.Storage.Connection;
using Omnichannel.Testing;

namespace Omnichannel.Storage.Tests.Connection;

public sealed class CreateOnceTests
{
    [Fact]
    public async Task EnsureAsync_ManyCallersAtOnce_OneAttempt()
    {
        var attempts = 0;
        var gate = new TaskCompletionSource();
        var once = new CreateOnce(async () =>
        {
            Interlocked.Increment(ref attempts);
            await gate.Task;
        });

        var called = 0;
        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            var ensured = once.EnsureAsync();
            Interlocked.Increment(ref called);
            return ensured;
        })).ToList();

        // Every caller is in while the first attempt still runs: none of them may start another.
        await Eventually.UntilAsync(() => Volatile.Read(ref called) == 16, "all 16 callers calling");
        Assert.All(callers, c => Assert.False(c.IsCompleted));
        gate.SetResult();
        await Task.WhenAll(callers);
        await once.EnsureAsync();

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task EnsureAsync_AttemptFailed_NextCallerTriesAgain()
    {
        var attempts = 0;
        var once = new CreateOnce(() => ++attempts == 1 ? Task.FromException(new InvalidOperationException("storage down")) : Task.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(once.EnsureAsync);
        await once.EnsureAsync();
        await once.EnsureAsync();

        Assert.Equal(2, attempts);
    }
}
