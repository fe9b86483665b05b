using Omnichannel.Storage.Connection;

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

        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(once.EnsureAsync)).ToList();
        await Task.Delay(50);
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
