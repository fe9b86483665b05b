using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Channels.Adapters.BigCommerce;
using Omnichannel.Channels.Adapters.WooCommerce;
using Omnichannel.Channels.Configuration;
using Omnichannel.Channels.Polling;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;

namespace Omnichannel.Orders.Tests.Intake;

/// <summary>
/// Orders that arrive other than as a full webhook (a thin webhook naming the order, a poll page) run the same
/// flow: the flow reads the order as it was mapped on arrival.
/// </summary>
public sealed class NonWebhookOrderTests
{
    [Fact]
    public async Task ThinBigCommerceWebhook_OrderFetchedFromTheChannel_FlowReservesIt()
    {
        await using var bigCommerce = await StartChannelAsync(path => path switch
        {
            "/v2/orders/3101" => """{"id":3101,"date_created":"Wed, 25 Nov 2026 08:10:00 +0000","status_id":11,"currency_code":"EUR","billing_address":{"first_name":"Ada","last_name":"L"}}""",
            "/v2/orders/3101/products" => $$"""[{"id":71,"product_id":7,"sku":"{{Samples.Tee}}","name":"Tee","quantity":2,"base_price":"10.00"}]""",
            "/v2/orders/3101/shipping_addresses" => """[{"id":1,"first_name":"Ada","city":"Berlin","country_iso2":"DE"}]""",
            _ => null,
        });
        var settings = OrderHub.UniqueSettings();
        settings["Channels:bigcommerce:main:Secret"] = OrderHub.Secret;
        settings["Channels:bigcommerce:main:BaseUrl"] = bigCommerce.Urls.First();
        settings["Channels:bigcommerce:main:AccessToken"] = "bc-token";
        await using var hub = await OrderHub.CreateAsync(settings);
        await Samples.SeedAsync(hub.Services);

        using var content = new StringContent("""{"scope":"store/order/created","store_id":"1","data":{"type":"order","id":3101},"hash":"h-3101","created_at":1795600000,"producer":"stores/abc"}""", Encoding.UTF8, "application/json");
        content.Headers.Add(BigCommerceWebhookAdapter.DefaultSecretHeader, OrderHub.Secret);
        var response = await hub.Anonymous.PostAsync(new Uri("api/webhooks/bigcommerce/main", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var detail = await hub.WaitForStatusAsync(OrderId.For("bigcommerce", "main", "3101"), OrderStatus.AwaitingShipment);
        Assert.Equal((Samples.Tee, 2), (Assert.Single(detail.Order!.Lines).ChannelSku, detail.Order.Lines[0].Quantity));
        Assert.Equal((300, 2), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));
    }

    [Fact]
    public async Task PolledWooCommercePage_EachOrderRunsTheFlow()
    {
        await using var woo = await StartChannelAsync(path => path.StartsWith("/wp-json/wc/v3/orders?", StringComparison.Ordinal)
            ? $$"""
                [{"id":801,"status":"processing","currency":"EUR","date_created_gmt":"2026-11-25T08:10:00","line_items":[{"id":1,"sku":"{{Samples.Tee}}","product_id":5,"quantity":1,"price":10}]},
                 {"id":802,"status":"processing","currency":"EUR","date_created_gmt":"2026-11-25T08:11:00","line_items":[{"id":2,"sku":"{{Samples.Tee}}","product_id":5,"quantity":3,"price":10}]}]
                """
            : null);
        var settings = OrderHub.UniqueSettings();
        settings["Channels:woocommerce:main:Secret"] = OrderHub.Secret;
        settings["Channels:woocommerce:main:BaseUrl"] = woo.Urls.First();
        settings["Channels:woocommerce:main:ConsumerKey"] = "ck";
        settings["Channels:woocommerce:main:ConsumerSecret"] = "cs";
        await using var hub = await OrderHub.CreateAsync(settings);
        await Samples.SeedAsync(hub.Services);
        var account = hub.Services.GetRequiredService<ChannelAccounts>().Find("woocommerce", "main")!;

        await hub.Services.GetRequiredService<PollingRunner>().PollAsync(account, new WooCommercePoller(), CancellationToken.None);

        await hub.WaitForStatusAsync(OrderId.For("woocommerce", "main", "801"), OrderStatus.AwaitingShipment);
        await hub.WaitForStatusAsync(OrderId.For("woocommerce", "main", "802"), OrderStatus.AwaitingShipment);
        Assert.Equal((300, 4), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));
    }

    /// <summary>A channel API on loopback answering GETs by path and query; null is 404.</summary>
    private static async Task<WebApplication> StartChannelAsync(Func<string, string?> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context =>
        {
            var body = answer(context.Request.Path + context.Request.QueryString);
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body ?? """{"message":"not found"}""");
        });
        await app.StartAsync();
        return app;
    }
}
