using Omnichannel.Channels.Outbound;

namespace Omnichannel.Sync.Pushing;

/// <summary>
/// The pushes of one channel account waiting for a call. While the account is busy (a push arrived less than
/// <c>window</c> before this one), a push waits at most <c>window</c> from its arrival for others to join it (or until
/// a call's worth has gathered), then goes out with up to <c>maxPerCall</c> others in one batched call; a lone change
/// goes at once. At most <c>concurrency</c> calls are in flight, and pushes arriving meanwhile gather for the next.
/// Channels without a batch call (<c>maxPerCall</c> 1) never wait. Each push gets its own outcome.
/// </summary>
internal sealed class PushBatcher(
    IChannelClient client,
    IChannelStockClient? batches,
    string store,
    int maxPerCall,
    int concurrency,
    TimeSpan window,
    ListingQuantityMapper mapper,
    TimeProvider time)
{
    private readonly object _gate = new();
    private readonly List<Waiting> _queue = [];
    private int _inFlight;
    private ITimer? _timer;
    private long? _lastArrival;

    public Task<PushOutcome> PushAsync(ListingPush push)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            var busy = _lastArrival is { } last && time.GetElapsedTime(last, now) < window;
            _lastArrival = now;
            var waiting = new Waiting(push, now, busy, new TaskCompletionSource<PushOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
            _queue.Add(waiting);
            Pump();
            return waiting.Done.Task;
        }
    }

    /// <summary>Starts every call that is due and has a free slot; the caller holds the lock.</summary>
    private void Pump()
    {
        while (_inFlight < concurrency && _queue.Count > 0)
        {
            var waited = time.GetElapsedTime(_queue[0].At);
            if (maxPerCall > 1 && _queue[0].Busy && _queue.Count < maxPerCall && waited < window)
            {
                _timer ??= time.CreateTimer(_ => OnWindowEnd(), null, window - waited, Timeout.InfiniteTimeSpan);
                return;
            }

            var batch = _queue.GetRange(0, Math.Min(maxPerCall, _queue.Count));
            _queue.RemoveRange(0, batch.Count);

            // The window being timed was the oldest push's, which leaves now; the next one gets its own.
            _timer?.Dispose();
            _timer = null;
            _inFlight++;
            _ = Task.Run(() => SendAsync(batch));
        }
    }

    private void OnWindowEnd()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            Pump();
        }
    }

    private async Task SendAsync(List<Waiting> batch)
    {
        var started = time.GetTimestamp();
        try
        {
            var errors = await CallAsync(batch.Select(w => mapper.Map(w.Push)).ToList());
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(new PushOutcome(batch[i].Push, errors[i], time.GetElapsedTime(started)));
            }
        }
        catch (Exception e)
        {
            // Whatever the adapter threw (refusal, timeout, unreadable answer, missing id) fails these listings: it is
            // recorded on each and retried, and must not leave their claims unrecorded.
            foreach (var waiting in batch)
            {
                waiting.Done.TrySetResult(new PushOutcome(waiting.Push, e.Message, time.GetElapsedTime(started)));
            }
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
                Pump();
            }
        }
    }

    /// <summary>
    /// One call for the batch. The call is not bound to any one caller's token: it carries other callers' pushes, and
    /// the client's own timeouts end it; a caller that stops waiting leaves its claim to time out and be retried.
    /// </summary>
    private async Task<IReadOnlyList<string?>> CallAsync(List<ListingQuantity> listings)
    {
        if (batches is not null && listings.Count > 1)
        {
            var results = await batches.SetAvailableQuantitiesAsync(store, listings, CancellationToken.None);
            return results.Count == listings.Count
                ? results.Select(r => r?.Message).ToList()
                : listings.Select(_ => (string?)$"the channel answered {results.Count} results for {listings.Count} listings").ToList();
        }

        await client.SetAvailableQuantityAsync(store, listings[0], CancellationToken.None);
        return [null];
    }

    private sealed record Waiting(ListingPush Push, long At, bool Busy, TaskCompletionSource<PushOutcome> Done);
}
