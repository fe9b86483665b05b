using System.Diagnostics;

namespace Omnichannel.Testing;

/// <summary>
/// Waits for a condition on real storage or a running host (the hub's work is asynchronous: queues, durable
/// flows). Polls every 50 ms and fails with <see cref="TimeoutException"/> naming what it waited for, so a test
/// can never pass without its scenario having happened.
/// </summary>
public static class Eventually
{
    /// <summary>How long a wait lasts unless told otherwise: generous, since CI machines are shared and slow.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Returns once <paramref name="condition"/> holds.</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>Returns once <paramref name="condition"/> holds.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await ValueAsync(condition, done => done, what, timeout);
    }

    /// <summary>Reads until the value satisfies <paramref name="done"/> and returns it; the timeout names the last value read.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var limit = timeout ?? DefaultTimeout;
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (elapsed.Elapsed >= limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}; last value: {value?.ToString() ?? "null"}.");
            }

            await Task.Delay(50);
        }
    }
}
