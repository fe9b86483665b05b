using Omnichannel.Testing;

namespace Omnichannel.Channels.Tests.Support;

/// <summary>Answers of a BigCommerce store's v2 order calls, for one order id, in the documented shapes.</summary>
public static class BigCommerceStore
{
    public static Func<RecordedRequest, (int Status, string Body)?> Order(string id, int statusId = 11) => r => r.PathAndQuery switch
    {
        var p when p == $"/v2/orders/{id}" => (200, $$$"""
            {"id":{{{id}}},"date_created":"Wed, 25 Nov 2026 08:10:00 +0000","date_modified":"Wed, 25 Nov 2026 08:12:30 +0000","status_id":{{{statusId}}},"status":"Awaiting Fulfillment",
             "currency_code":"EUR","billing_address":{"first_name":"Ada","last_name":"Lovelace","email":"ada@example.com","phone":"+49 30 1"}}
            """),
        var p when p == $"/v2/orders/{id}/products" => (200, """
            [{"id":501,"order_id":1,"product_id":77,"variant_id":78,"name":"Lamp","sku":"LAMP-1","upc":"4006381333931","quantity":2,"base_price":"10.0000","price_inc_tax":"11.9000"},
             {"id":502,"order_id":1,"product_id":79,"variant_id":0,"name":"Bulb","sku":"BULB-1","quantity":1,"base_price":"3.5000"}]
            """),
        var p when p == $"/v2/orders/{id}/shipping_addresses" => (200, """
            [{"id":9,"first_name":"Ada","last_name":"Lovelace","street_1":"1 Main St","street_2":"","city":"Berlin","state":"BE","zip":"10115","country_iso2":"DE","phone":"+49 30 1","shipping_method":"Standard"}]
            """),
        _ => (404, """{"status":404,"message":"The requested resource was not found."}"""),
    };
}
