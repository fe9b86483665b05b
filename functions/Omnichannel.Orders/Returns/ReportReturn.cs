using Microsoft.Azure.Functions.Worker;
using Omnichannel.Channels.Outbound;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Returns;

/// <summary>
/// Reports the return to the channel with the key <c>{order id}:return:{return id}</c> where its API takes
/// returns; a report the channel accepted is recorded under that key and never sent again. Channels without a
/// return call are not told, and the outcome says so. Returns the outcome shown on the order.
/// </summary>
public sealed class ReportReturn(IOrderChannels channels, ReportOnce once)
{
    public const string Name = nameof(ReportReturn);

    [Function(Name)]
    public async Task<string> RunAsync([ActivityTrigger] ReturnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var r = input.Return;
        var key = $"{input.OrderId}:return:{r.ReturnId}";
        var lines = r.Lines.Select(l => new ReturnLine(l.ChannelLineId, l.ChannelSku, l.Quantity, l.Condition.ToString().ToLowerInvariant())).ToList();
        var report = new ReturnReport(input.ChannelOrderId, r.ReturnId, r.Location, lines, r.Reason, r.ReturnedAt);
        var record = await once.RunAsync(
            key,
            async () => await channels.ReportReturnAsync(input.Channel, input.Store, report, key, cancellationToken) is { } receipt ? new ReportSent(receipt.ChannelReturnId) : null,
            cancellationToken);
        return record is null ? $"not reported: {input.Channel} has no return call" : Reported(input.Channel, record.ChannelId);
    }

    private static string Reported(string channel, string? id) => id is null ? $"reported to {channel}" : $"reported to {channel} (return {id})";
}
