using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels.Storage;
using Omnichannel.OperationsConsole.Operations;
using Omnichannel.OperationsConsole.Tests.Support;
using Omnichannel.Orders;
using Omnichannel.Orders.Model;
using Omnichannel.Storage.Connection;
using Omnichannel.Testing;

namespace Omnichannel.OperationsConsole.Tests.Operations;

/// <summary>The read routes the console added, and the commands it uses that the pages' tests do not reach.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OpsFunctionsTests(ConsoleFixture hub)
{
    [Fact]
    public async Task OrdersByDay_AnOrderStartedToday_CountedUnderTodayByItsStatusNow()
    {
        var id = await hub.PostShopifyOrderAsync(NewOrderNumber(), (ConsoleFixture.Tee, 1));
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);

        var counts = await hub.Client.GetFromJsonAsync<OrderCounts>(new Uri("api/ops/orders-by-day?days=3", UriKind.Relative), OrderJson.Options);

        Assert.Equal(3, counts!.Days.Count);
        var today = counts.Days[^1];
        Assert.Equal(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime), today.Date);
        Assert.True(today.Counts.GetValueOrDefault(OrderStatus.AwaitingShipment) >= 1);
        Assert.Equal(counts.Days.Sum(d => d.Counts.GetValueOrDefault(OrderStatus.AwaitingShipment)), counts.Totals[OrderStatus.AwaitingShipment]);
        Assert.False(counts.Truncated);
    }

    [Theory]
    [InlineData("api/ops/orders-by-day?days=0")]
    [InlineData("api/ops/orders-by-day?days=32")]
    [InlineData("api/ops/alerts?take=0")]
    [InlineData("api/ops/alerts?days=x")]
    public async Task Ops_BadQuery_ProblemNamingIt(string route)
    {
        using var response = await hub.Client.GetAsync(new Uri(route, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PoisonQueues_AQueueWithAMessage_ListedWithItsCount()
    {
        var name = Unique.Name("q") + "-poison";
        var queue = hub.Services.GetRequiredService<StorageAccount>().Queues.GetQueueClient(name);
        await queue.CreateAsync();
        try
        {
            await queue.SendMessageAsync("dead");

            var queues = await hub.Client.GetFromJsonAsync<List<PoisonQueue>>(new Uri("api/ops/poison-queues", UriKind.Relative), OrderJson.Options);

            Assert.Contains(queues!, q => q.Name == name && q.ApproximateMessages == 1);
        }
        finally
        {
            await queue.DeleteAsync();
        }
    }

    [Fact]
    public async Task RaiseEvent_UnknownName_400AndKnownNameOnARunningFlow_202InTheTimeline()
    {
        var id = await hub.PostShopifyOrderAsync(NewOrderNumber(), ("NOT-IN-CATALOGUE", 1));
        await hub.WaitForStatusAsync(id, OrderStatus.NeedsAttention);

        using var unknown = await hub.Client.PostAsJsonAsync(new Uri($"api/orders/{id}/events/Whatever", UriKind.Relative), new { });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/orders/{id}/events/StockAvailable", UriKind.Relative)) { Content = JsonContent.Create(new { payload = new { sku = "X" } }) };
        request.Headers.Add("X-Hub-Operator", "Ops Cem");
        using var raised = await hub.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        var detail = await hub.WaitForStatusAsync(id, OrderStatus.NeedsAttention);
        Assert.Contains(detail.Timeline, t => t.What == "action" && t.Step == "raise-event" && t.Detail == "StockAvailable" && t.By == "Ops Cem (key)");
    }

    [Fact]
    public async Task Requeue_StillUnreadable_422AndTheRowStays()
    {
        var now = TimeProvider.System.GetUtcNow();
        var blob = await hub.Services.GetRequiredService<WebhookArchiveStore>().WriteAsync(
            new ArchivedPayload("shopify", "main", ArchivedPayload.FromWebhook, now, "https://hub/api/webhooks/shopify/main",
                Channels.Ingestion.HeaderMap.From(new Dictionary<string, string> { ["X-Shopify-Topic"] = "orders/create" }), "{\"id\": \"not json"u8.ToArray()),
            default);
        var quarantine = hub.Services.GetRequiredService<QuarantineStore>();
        var reason = "unreadable " + Unique.Name("r");
        await quarantine.AddAsync(new QuarantinedPayload("shopify", "main", now, blob, null, reason), default);
        var row = (await quarantine.ListAsync("shopify", 1000, default)).Single(q => q.Reason == reason);

        using var response = await hub.Client.PostAsync(new Uri($"api/webhooks/quarantine/shopify/{row.Id}/requeue", UriKind.Relative), null);
        using var missing = await hub.Client.PostAsync(new Uri("api/webhooks/quarantine/shopify/no-such-row/requeue", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Still unreadable", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(await quarantine.GetAsync("shopify", row.Id!, default));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static long NewOrderNumber() => 1_000_000_000L + (long)(BitConverter.ToUInt32(Guid.NewGuid().ToByteArray()) % 8_000_000_000L);
}
