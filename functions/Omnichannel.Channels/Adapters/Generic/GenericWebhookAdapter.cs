using Microsoft.Extensions.Options;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;

namespace Omnichannel.Channels.Adapters.Generic;

/// <summary>
/// The generic signed-JSON channel: any platform that can send the documented schema (README, "Generic
/// channel") signed with <see cref="HubSignature"/> is connected by configuration alone
/// (<c>Channels:{name}:Adapter = generic</c> plus a <c>Secret</c> per store).
/// </summary>
public sealed class GenericWebhookAdapter(IOptions<ChannelsOptions> options) : IWebhookAdapter
{
    public string Name => "generic";

    public SignatureCheck Verify(WebhookDelivery delivery, ChannelAccount account, DateTimeOffset now) =>
        HubSignature.Verify(delivery, account, now, options.Value.SignatureTolerance);

    public string? DeliveryId(WebhookDelivery delivery) => delivery?.Header(HubSignature.EventIdHeader);

    public WebhookContent Read(WebhookDelivery delivery, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var document = JsonRead.Parse(delivery.Body);
        var root = document.RootElement;
        var type = JsonRead.Req(root, "event_type");
        if (type is not ("order.created" or "order.updated" or "order.cancelled"))
        {
            return WebhookContent.Ignore($"event type {type} carries no order");
        }

        var order = JsonRead.Obj(root, "order") ?? throw new PayloadException("Field 'order' is missing.");
        return WebhookContent.Of(GenericOrderMapper.Map(order, account, cancelled: type == "order.cancelled"));
    }
}
