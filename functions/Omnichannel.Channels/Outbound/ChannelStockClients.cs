using Omnichannel.Channels.Configuration;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.Channels.Outbound;

/// <summary>Resolves the <see cref="IChannelStockClient"/> of a channel by name: its adapter's stock read and batch call, where it has them.</summary>
public sealed class ChannelStockClients(
    ChannelClients clients,
    ChannelAccounts accounts,
    IEnumerable<IChannelStockReadApi> reads,
    IEnumerable<IChannelStockBatchApi> batches,
    IHttpClientFactory http,
    TimeProvider time)
{
    private readonly Dictionary<string, IChannelStockReadApi> _reads = reads.ToDictionary(a => a.Adapter, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IChannelStockBatchApi> _batches = batches.ToDictionary(a => a.Adapter, StringComparer.OrdinalIgnoreCase);

    /// <summary>Throws <see cref="SettingException"/> as <see cref="ChannelClients.Get(string)"/> does.</summary>
    public IChannelStockClient Get(string channel)
    {
        var single = clients.Get(channel);
        var adapter = accounts.All().First(a => a.Channel == single.Channel).Adapter;
        return new ChannelStockClient(single, _reads.GetValueOrDefault(adapter), _batches.GetValueOrDefault(adapter), accounts, http, time);
    }
}
