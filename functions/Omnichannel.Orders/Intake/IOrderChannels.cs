using Omnichannel.Channels.Outbound;

namespace Omnichannel.Orders.Intake;

/// <summary>The outbound channel calls the flow makes; a seam so tests can record calls.</summary>
public interface IOrderChannels
{
    IChannelClient Get(string channel);

    /// <summary>Tells the channel a pickup order is ready; false when the channel has no such call.</summary>
    Task<bool> ReportReadyForPickupAsync(string channel, string store, PickupReport report, CancellationToken cancellationToken);

    /// <summary>Reports a return; null when the channel has no return call.</summary>
    Task<ReturnReceipt?> ReportReturnAsync(string channel, string store, ReturnReport report, string idempotencyKey, CancellationToken cancellationToken);
}
