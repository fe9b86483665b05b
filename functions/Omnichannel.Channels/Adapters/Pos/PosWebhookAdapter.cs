using Microsoft.Extensions.Options;
using Omnichannel.Channels.Adapters.Common;
using Omnichannel.Channels.Adapters.Generic;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;

namespace Omnichannel.Channels.Adapters.Pos;

/// <summary>
/// Store POS systems push each receipt: a sale or a return (README, "Store POS"), signed with
/// <see cref="HubSignature"/>. A sale is an order fulfilled in the store; a return is a refunded
/// order naming the sale it returns.
/// </summary>
public sealed class PosWebhookAdapter(IOptions<ChannelsOptions> options) : IWebhookAdapter
{
    public string Name => "pos";

    public SignatureCheck Verify(WebhookDelivery delivery, ChannelAccount account, DateTimeOffset now) =>
        HubSignature.Verify(delivery, account, now, options.Value.SignatureTolerance);

    public string? DeliveryId(WebhookDelivery delivery) => delivery?.Header(HubSignature.EventIdHeader);

    public WebhookContent Read(WebhookDelivery delivery, ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(account);
        using var document = JsonRead.Parse(delivery.Body);
        var receipt = document.RootElement;
        var type = JsonRead.Req(receipt, "type");
        if (type is not ("sale" or "return"))
        {
            throw new PayloadException($"Field 'type' must be 'sale' or 'return', not '{type}'.");
        }

        var customer = JsonRead.Obj(receipt, "customer");
        var voided = JsonRead.Opt(receipt, "void") == "true";
        return WebhookContent.Of(new CanonicalOrder
        {
            Channel = account.Channel,
            Store = account.Store,
            ChannelOrderId = JsonRead.Req(receipt, "receipt_id"),
            PlacedAt = JsonRead.Date(receipt, "occurred_at"),
            UpdatedAt = JsonRead.OptDate(receipt, "updated_at"),
            Currency = JsonRead.Req(receipt, "currency"),
            Buyer = customer is { } c ? new Party(JsonRead.Opt(c, "name"), JsonRead.Opt(c, "email"), JsonRead.Opt(c, "phone")) : null,
            Lines = JsonRead.Arr(receipt, "lines").Select(GenericOrderMapper.ReadLine).ToList() is { Count: > 0 } lines
                ? lines
                : throw new PayloadException("Field 'lines' is missing or empty."),
            Fulfilment = new FulfilmentMethod(FulfilmentKind.InStore, JsonRead.Req(receipt, "store_code")),
            Status = voided ? ChannelOrderStatus.Cancelled : type == "return" ? ChannelOrderStatus.Refunded : ChannelOrderStatus.Open,
            OriginalOrderId = type == "return" ? JsonRead.Opt(receipt, "original_receipt_id") : null,
        });
    }
}
