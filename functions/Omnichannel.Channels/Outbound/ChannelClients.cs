using Omnichannel.Channels.Configuration;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.Channels.Outbound;

/// <summary>Resolves the <see cref="IChannelClient"/> of a channel by name (its accounts' adapter decides the API).</summary>
public sealed class ChannelClients(ChannelAccounts accounts, IEnumerable<IChannelApi> apis, IHttpClientFactory http, TimeProvider time)
{
    private readonly Dictionary<string, IChannelApi> _apis = apis.ToDictionary(a => a.Adapter, StringComparer.OrdinalIgnoreCase);

    /// <summary>Throws <see cref="SettingException"/> when no account of the channel is configured or its adapter has no outbound API.</summary>
    public IChannelClient Get(string channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        var name = channel.ToLowerInvariant();
        var account = accounts.All().FirstOrDefault(a => a.Channel == name)
            ?? throw new SettingException($"Channels:{name}", "has no configured store.");
        var api = _apis.GetValueOrDefault(account.Adapter)
            ?? throw new SettingException($"Channels:{name}:Adapter", $"names '{account.Adapter}', which has no outbound API.");
        return new ChannelClient(name, api, accounts, http, time);
    }
}
