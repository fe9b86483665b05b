using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Outbound;
using Omnichannel.Hosting.Configuration;
using Omnichannel.Sync.Configuration;

namespace Omnichannel.Sync.Pushing;

/// <summary>
/// Sends figures through each channel: clients registered in DI by channel name win (tests, custom channels),
/// otherwise <see cref="ChannelClients"/> and, for batched calls, <see cref="ChannelStockClients"/>. Pushes are
/// gathered per channel account across SKUs (<see cref="PushBatcher"/>): where the channel has a batch call, pushes
/// arriving within <see cref="SyncOptions.BatchWindow"/> go out together, up to the channel's limit per call, at most
/// <see cref="SyncOptions.MaxConcurrentPushesPerChannel"/> calls at once per account; the client's own rate limiter
/// and Retry-After handling keep the calls within the channel's limits. Every outcome is returned, none is dropped.
/// </summary>
public sealed class ChannelPusher(
    IEnumerable<IChannelClient> registered,
    IServiceProvider services,
    ListingQuantityMapper mapper,
    IOptions<SyncOptions> options,
    TimeProvider time)
{
    private readonly Dictionary<string, IChannelClient> _registered = registered.GroupBy(c => c.Channel, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Channel, string Account), PushBatcher> _batchers = new();

    /// <summary>Pushes each figure; completes when every one has its outcome (the caller stops waiting when <paramref name="cancellationToken"/> fires).</summary>
    public Task<PushOutcome[]> PushAsync(IReadOnlyList<ListingPush> pushes, CancellationToken cancellationToken) =>
        Task.WhenAll(pushes.Select(p => PushOneAsync(p).WaitAsync(cancellationToken)));

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

    /// <summary>The channel's stock read and batch call, or null when it has none (a registered client that does not implement them, or no configured account).</summary>
    public IChannelStockClient? ResolveStock(string channel)
    {
        if (_registered.TryGetValue(channel, out var client))
        {
            return client as IChannelStockClient;
        }

        try
        {
            return services.GetService<ChannelStockClients>()?.Get(channel);
        }
        catch (SettingException)
        {
            return null;
        }
    }

    private Task<PushOutcome> PushOneAsync(ListingPush push)
    {
        var (client, error) = Resolve(push.Channel);
        if (client is null)
        {
            return Task.FromResult(new PushOutcome(push, error, TimeSpan.Zero));
        }

        var key = (push.Channel, push.Account);
        if (!_batchers.TryGetValue(key, out var batcher))
        {
            var stock = ResolveStock(push.Channel);
            int max;
            try
            {
                max = stock is null ? 1 : Math.Max(1, stock.MaxQuantitiesPerCall(push.Account));
            }
            catch (SettingException e)
            {
                // A bad StockBatchSize of the account: its listings fail with the setting's name until it is fixed.
                return Task.FromResult(new PushOutcome(push, e.Message, TimeSpan.Zero));
            }

            var o = options.Value;
            batcher = _batchers.GetOrAdd(key, new PushBatcher(client, stock, push.Account, max, o.MaxConcurrentPushesPerChannel, o.BatchWindow, mapper, time));
        }

        return batcher.PushAsync(push);
    }
}
