using Microsoft.Azure.Functions.Worker;
using Omnichannel.Channels.Configuration;

namespace Omnichannel.Channels.Polling;

/// <summary>
/// The polling timer function (<c>ChannelsAccountsPoll</c>, schedule <c>%Channels:Polling:Schedule%</c>): polls every
/// account whose adapter has a poller and is enabled. One account failing (channel down, circuit open) is logged
/// and does not stop the others; its cursor stays put.
/// </summary>
public sealed class PollingFunctions(ChannelAccounts accounts, IEnumerable<IOrderPoller> pollers, PollingRunner runner)
{
    public const string FunctionName = "ChannelsAccountsPoll";

    [Function(FunctionName)]
    public async Task RunAsync([TimerTrigger("%Channels:Polling:Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var byAdapter = pollers.ToDictionary(p => p.Adapter, StringComparer.OrdinalIgnoreCase);
        foreach (var account in accounts.All())
        {
            if (!byAdapter.TryGetValue(account.Adapter, out var poller) || !IsEnabled(account))
            {
                continue;
            }

            try
            {
                await runner.PollAsync(account, poller, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Logged and counted by the runner; the next tick reads the same window again.
            }
        }
    }

    public static bool IsEnabled(ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account["Poll"] is not null ? account.Flag("Poll") : PollingOptions.PolledByDefault.Contains(account.Adapter);
    }
}
