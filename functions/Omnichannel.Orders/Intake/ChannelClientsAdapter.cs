using Omnichannel.Channels.Outbound;

namespace Omnichannel.Orders.Intake;

/// <summary>The channels feature's clients (per-account resilient HTTP).</summary>
internal sealed class ChannelClientsAdapter(ChannelClients clients, OptionalChannelCalls optional) : IOrderChannels
{
    public IChannelClient Get(string channel) => clients.Get(channel);

    public Task<bool> ReportReadyForPickupAsync(string channel, string store, PickupReport report, CancellationToken cancellationToken) =>
        optional.TryReportReadyForPickupAsync(channel, store, report, cancellationToken);

    public Task<ReturnReceipt?> ReportReturnAsync(string channel, string store, ReturnReport report, string idempotencyKey, CancellationToken cancellationToken) =>
        optional.TryReportReturnAsync(channel, store, report, idempotencyKey, cancellationToken);
}
