using Omnichannel.Channels.Configuration;

namespace Omnichannel.Channels.Outbound;

/// <summary>
/// The outbound calls only some channels have (<see cref="IPickupApi"/>, <see cref="IReturnApi"/>), through the
/// same per-account resilient HttpClient as <see cref="IChannelClient"/>. A channel whose adapter lacks the
/// call answers false / null, so the caller can record that the channel was not told.
/// </summary>
public sealed class OptionalChannelCalls(ChannelAccounts accounts, IEnumerable<IPickupApi> pickups, IEnumerable<IReturnApi> returns, IHttpClientFactory http, TimeProvider time)
{
    /// <summary>True when the channel was told; false when its adapter has no ready-for-pickup call.</summary>
    public async Task<bool> TryReportReadyForPickupAsync(string channel, string store, PickupReport report, CancellationToken cancellationToken)
    {
        var account = accounts.Require(channel, store);
        if (pickups.FirstOrDefault(p => string.Equals(p.Adapter, account.Adapter, StringComparison.OrdinalIgnoreCase)) is not { } api)
        {
            return false;
        }

        await api.ReportReadyForPickupAsync(Request(account, cancellationToken), report);
        return true;
    }

    /// <summary>The channel's receipt; null when its adapter has no return call.</summary>
    public async Task<ReturnReceipt?> TryReportReturnAsync(string channel, string store, ReturnReport report, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var account = accounts.Require(channel, store);
        if (returns.FirstOrDefault(p => string.Equals(p.Adapter, account.Adapter, StringComparison.OrdinalIgnoreCase)) is not { } api)
        {
            return null;
        }

        return await api.ReportReturnAsync(Request(account, cancellationToken), report, idempotencyKey);
    }

    private ChannelRequest Request(ChannelAccount account, CancellationToken cancellationToken) =>
        ChannelRequest.For(account, http, time, cancellationToken);
}
