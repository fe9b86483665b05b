using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;

namespace Omnichannel.Orders.Tests.Http;

/// <summary>An order's flow cannot be replaced by accident, and an odd instance never turns its pages into 500s.</summary>
public sealed class OrderInstanceGuardTests
{
    private const string Start = "runtime/webhooks/durabletask/orchestrators/OrderFlow/";

    [Fact]
    public async Task ManagementStart_OverACompletedOrder_409AndHistoryKept_RestartTrueReplacesAndPagesShowTheProblem()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        var id = OrderId.For("amazon", "main", "G-1");
        var body = Samples.Generic("G-1", new { kind = "fulfilled_by_channel", network = "AFN" }, "order.created", (Samples.Tee, 1));
        Assert.True((await hub.PostGenericAsync("amazon", body, "g-evt-1")).IsSuccessStatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await hub.WaitForEndAsync(id)).RuntimeStatus);

        using (var refused = await hub.Admin.PostAsJsonAsync(new Uri(Start + id, UriKind.Relative), new { anything = 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }

        var kept = await hub.GetOrderAsync(id);
        Assert.Equal(OrderStatus.Completed, kept.Summary.Status);
        Assert.Null(kept.Summary.Problem);
        Assert.Contains(kept.Timeline, e => e.What == "completed");

        using (var badFlag = await hub.Admin.PostAsJsonAsync(new Uri(Start + id + "?restart=maybe", UriKind.Relative), new { anything = 1 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badFlag.StatusCode);
        }

        // On purpose, with a body that is not an order flow's input: the instance is replaced, the order's record stays.
        using (var restarted = await hub.Admin.PostAsJsonAsync(new Uri(Start + id + "?restart=true", UriKind.Relative), "not an order"))
        {
            Assert.Equal(HttpStatusCode.Accepted, restarted.StatusCode);
        }

        await hub.WaitForEndAsync(id);
        using var page = await hub.Client.GetAsync(new Uri($"api/orders/{id}", UriKind.Relative));
        var text = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{(int)page.StatusCode}: {text}");
        var detail = JsonSerializer.Deserialize<Omnichannel.Orders.Http.OrderDetail>(text, Json.Options)!;
        Assert.NotNull(detail.Summary.Problem);
        Assert.Equal("G-1", detail.Order?.ChannelOrderId);

        using var list = await hub.Client.GetAsync(new Uri("api/orders?channel=amazon", UriKind.Relative));
        var listed = await list.Content.ReadAsStringAsync();
        Assert.True(list.StatusCode == HttpStatusCode.OK, $"{(int)list.StatusCode}: {listed}");
        Assert.Contains("\"problem\"", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagementStart_OverARunningOrder_409EvenWithRestart()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        var id = Samples.ShopifyOrderId(3001);
        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(3001, (Samples.Tee, 1)), "evt-3001")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);

        using var plain = await hub.Admin.PostAsJsonAsync(new Uri(Start + id, UriKind.Relative), new { anything = 1 });
        using var restart = await hub.Admin.PostAsJsonAsync(new Uri(Start + id + "?restart=true", UriKind.Relative), new { anything = 1 });

        Assert.Equal(HttpStatusCode.Conflict, plain.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, restart.StatusCode);
        Assert.Equal(OrderStatus.AwaitingShipment, (await hub.GetOrderAsync(id)).Summary.Status);
    }
}
