using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Outbound;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Sync.Configuration;

namespace Omnichannel.Sync.Pushing;

/// <summary>
/// Sends figures through each channel's <see cref="IChannelClient"/>: clients registered in DI by channel
/// name win (tests, custom channels), otherwise <see cref="ChannelClients"/>. The channels' client has no
/// batch call, so pushes are batched here: all figures of one change go out together, at most
/// <see cref="SyncOptions.MaxConcurrentPushesPerChannel"/> per channel at once from this host, and the
/// client's own per-account rate limiter and Retry-After handling keep them within the channel's limits.
/// Every outcome is returned, none is dropped.
/// </summary>
public sealed class ChannelPusher(
    IEnumerable<IChannelClient> registered,
    IServiceProvider services,
    ListingQuantityMapper mapper,
    IOptions<SyncOptions> options,
    TimeProvider time)
{
    private readonly Dictionary<string, IChannelClient> _registered = registered.GroupBy(c => c.Channel, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    public Task<PushOutcome[]> PushAsync(IReadOnlyList<ListingPush> pushes, CancellationToken cancellationToken) =>
        Task.WhenAll(pushes.Select(p => PushOneAsync(p, cancellationToken)));

    /// <summary>The client of a channel, or null with the reason when none is configured.</summary>
    public (IChannelClient? Client, string? Error) Resolve(string channel)
    {
        if (_registered.TryGetValue(channel, out var client))
        {
            return (client, null);
        }

        var clients = services.GetService<ChannelClients>();
        if (clients is null)
        {
            return (null, "The channels feature is not registered.");
        }

        try
        {
            return (clients.Get(channel), null);
        }
        catch (SettingException e)
        {
            return (null, e.Message);
        }
    }

    private async Task<PushOutcome> PushOneAsync(ListingPush push, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(push.Channel, _ => new SemaphoreSlim(options.Value.MaxConcurrentPushesPerChannel));
        var (client, error) = Resolve(push.Channel);
        if (client is null)
        {
            return new PushOutcome(push, error, TimeSpan.Zero);
        }

        await gate.WaitAsync(cancellationToken);
        var started = time.GetTimestamp();
        try
        {
            await client.SetAvailableQuantityAsync(push.Account, mapper.Map(push), cancellationToken);
            return new PushOutcome(push, null, time.GetElapsedTime(started));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever the adapter threw (refusal, timeout, unreadable answer) is this listing's failure: it is
            // recorded and retried, and must not release the other listings' claims unrecorded.
            return new PushOutcome(push, e.Message, time.GetElapsedTime(started));
        }
        finally
        {
            gate.Release();
        }
    }
}
