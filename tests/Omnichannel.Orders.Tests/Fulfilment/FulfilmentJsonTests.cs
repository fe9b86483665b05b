using Omnichannel.Channels.Model;
using Omnichannel.Orders.Fulfilment;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Tests.Fulfilment;

public sealed class FulfilmentJsonTests
{
    [Fact]
    public void Serialize_FulfilmentRequest_ExactWireFormat()
    {
        // The shape RequestFulfilment sends: a 3PL verifies the HMAC over exactly these bytes.
        var request = new
        {
            OrderId = "shopify-main-1001",
            Channel = "shopify",
            ChannelOrderId = "1001",
            ChannelOrderNumber = (string?)null,
            Location = "wh-1",
            ShipTo = new Address("A. Buyer", "1 High St", null, "Leeds", null, "LS1 1AA", "GB", null),
            ServiceLevel = "express",
            Items = new[] { new PickItem("l-1", "SKU-1", 2) },
            Kind = FulfilmentKind.Ship,
            Notes = (string?)null,
        };

        Assert.Equal(
            """{"orderId":"shopify-main-1001","channel":"shopify","channelOrderId":"1001","location":"wh-1","shipTo":{"name":"A. Buyer","line1":"1 High St","city":"Leeds","postalCode":"LS1 1AA","countryCode":"GB"},"serviceLevel":"express","items":[{"channelLineId":"l-1","sku":"SKU-1","quantity":2}],"kind":"Ship"}""",
            FulfilmentJson.Serialize(request));
    }
}
