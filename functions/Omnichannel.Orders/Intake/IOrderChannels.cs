using Omnichannel.Channels.Outbound;

namespace Omnichannel.Orders.Intake;

/// <summary>The outbound channel client the flow reports to; a seam so tests can record calls.</summary>
public interface IOrderChannels
{
    IChannelClient Get(string channel);
}

/// <summary>The channels feature's clients (per-account resilient HTTP).</summary>
internal sealed class ChannelClientsAdapter(ChannelClients clients) : IOrderChannels
{
    public IChannelClient Get(string channel) => clients.Get(channel);
}
