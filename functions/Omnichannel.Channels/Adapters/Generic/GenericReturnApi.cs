using Omnichannel.Channels.Outbound;

namespace Omnichannel.Channels.Adapters.Generic;

/// <summary>
/// Reports a return to a generic channel: <c>POST {BaseUrl}/returns</c>, signed as every generic call, with
/// <c>Idempotency-Key</c> stable for the return (the receiver dedupes). Body: <c>order_id</c>, <c>return_id</c>,
/// <c>location</c>, <c>lines</c> (<c>id</c>, <c>sku</c>, <c>quantity</c>, <c>condition</c>), <c>reason</c>,
/// <c>returned_at</c>; an <c>id</c> in the answer is kept as the channel's return id.
/// </summary>
public class GenericReturnApi : IReturnApi
{
    public virtual string Adapter => "generic";

    public async Task<ReturnReceipt> ReportReturnAsync(ChannelRequest request, ReturnReport report, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = new
        {
            order_id = report.ChannelOrderId,
            return_id = report.ReturnId,
            location = report.Location,
            lines = report.Lines.Select(l => new { id = l.ChannelLineId, sku = l.ChannelSku, quantity = l.Quantity, condition = l.Condition }),
            reason = report.Reason,
            returned_at = report.ReturnedAt,
        };
        using var answer = await GenericApi.SendAsync(request, "returns", HttpMethod.Post, "returns", body, idempotencyKey);
        return new ReturnReceipt(answer is not null && answer.RootElement.TryGetProperty("id", out var id) ? id.ToString() : null);
    }
}
