using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Channels.Storage;
using Omnichannel.Orders.Http;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Tests.Support;
using Omnichannel.Storage.Connection;
using Omnichannel.Testing;

namespace Omnichannel.Orders.Tests.Intake;

public sealed class IntakeFunctionsTests
{
    [Fact]
    public async Task SameWebhookTwice_AndSameOrderUnderANewDelivery_GiveOneOrder()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 5001;
        var id = Samples.ShopifyOrderId(shopifyId);
        var body = Samples.Shopify(shopifyId, (Samples.Tee, 1));

        Assert.True((await hub.PostShopifyAsync(body, "evt-5001")).IsSuccessStatusCode);
        Assert.True((await hub.PostShopifyAsync(body, "evt-5001")).IsSuccessStatusCode);
        Assert.True((await hub.PostShopifyAsync(body, "evt-5001-resent")).IsSuccessStatusCode);
        var detail = await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);

        Assert.Equal(1, detail.Versions);
        var page = await hub.Client.GetFromJsonAsync<OrderPage>(new Uri("api/orders?channel=shopify", UriKind.Relative), Json.Options);
        Assert.Equal(id, Assert.Single(page!.Orders).Id);
        Assert.Equal((300, 1), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));
    }

    [Fact]
    public async Task QueueMessageDeliveredTwice_StartsOneFlowAndStoresOneOrder()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 5101;
        var id = Samples.ShopifyOrderId(shopifyId);
        Assert.True((await hub.PostShopifyAsync(Samples.Shopify(shopifyId, (Samples.Tee, 1)), "evt-5101")).IsSuccessStatusCode);
        var first = await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        var instance = await hub.Durable.GetInstanceAsync(id, true);
        var input = instance!.ReadInputAs<Orders.Flow.OrderFlowInput>()!;

        // The same message again, as after a crash between the flow's start and the message's delete.
        var again = new ChannelOrderMessage(input.MessageId, Channels.Model.OrderEventKind.New, "shopify", "main", "5101", input.ArchiveBlob, "evt-5101", default);
        var queue = hub.Services.GetRequiredService<StorageAccount>().Queues.GetQueueClient(hub.Settings["Channels:Ingestion:OrderQueue"]);
        await queue.SendMessageAsync(JsonSerializer.Serialize(again));
        await WaitUntilEmptyAsync(queue);

        var after = await hub.GetOrderAsync(id);
        Assert.Equal(instance.CreatedAt, (await hub.Durable.GetInstanceAsync(id, false))!.CreatedAt);
        Assert.Equal(1, after.Versions);
        Assert.Equal(first.Timeline.Count(e => e.What == "flow-started"), after.Timeline.Count(e => e.What == "flow-started"));
        Assert.Equal(OrderStatus.AwaitingShipment, after.Summary.Status);
        Assert.Equal((300, 1), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));
    }

    [Fact]
    public async Task CancellationAfterShipping_FlagsTheOrderForOperations()
    {
        await using var hub = await OrderHub.CreateAsync();
        await Samples.SeedAsync(hub.Services);
        const long shopifyId = 5201;
        var id = Samples.ShopifyOrderId(shopifyId);
        var body = Samples.Shopify(shopifyId, (Samples.Tee, 1));
        Assert.True((await hub.PostShopifyAsync(body, "evt-5201")).IsSuccessStatusCode);
        await hub.WaitForStatusAsync(id, OrderStatus.AwaitingShipment);
        Assert.Equal(HttpStatusCode.Accepted, (await hub.ConfirmShipmentAsync(id, "TRACK-5201")).StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await hub.WaitForEndAsync(id)).RuntimeStatus);

        var cancelled = body.Replace("\"cancelled_at\":null", "\"cancelled_at\":\"2026-11-25T10:00:00Z\"", StringComparison.Ordinal)
            .Replace("2026-11-25T09:00:01Z", "2026-11-25T10:00:00Z", StringComparison.Ordinal);
        Assert.True((await hub.PostShopifyAsync(cancelled, "evt-5202", "orders/cancelled")).IsSuccessStatusCode);

        var detail = await Eventually.ValueAsync(() => hub.GetOrderAsync(id), d => d.Summary.Flags.Contains(OrderFlags.CancelledAfterFlow), $"{id} flagged cancelled after its flow");

        Assert.Equal(OrderStatus.Completed, detail.Summary.Status);
        Assert.Equal(2, detail.Versions);
        Assert.Empty(hub.Channel.Cancellations);
        Assert.Equal((299, 0), await Samples.BalanceAsync(hub.Services, Samples.Tee, Samples.Warehouse));
    }

    [Fact]
    public async Task TwoHostsHandleCreateAndUpdateOfANewOrderAtOnce_OneFlowStartsAndTheUpdateIsKept()
    {
        var settings = OrderHub.UniqueSettings();
        settings[$"AzureWebJobs:{IntakeFunctions.ReceiveName}:Disabled"] = "true";
        settings["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200";
        var starts = new EventCounter();
        await using var a = await OrderHub.CreateAsync(settings, services: s => s.AddSingleton<ILoggerProvider>(starts));
        await using var b = await OrderHub.CreateAsync(settings, a.Channel, s => s.AddSingleton<ILoggerProvider>(starts));
        await Samples.SeedAsync(a.Services);
        var ids = Enumerable.Range(0, 8).Select(i => 5300L + i).ToList();
        var deliveries = a.Services.GetRequiredService<StorageAccount>().Queues.GetQueueClient(settings["Channels:Ingestion:DeliveryQueue"]);
        foreach (var n in ids)
        {
            var created = Samples.Shopify(n, (Samples.Tee, 1));
            Assert.True((await a.PostShopifyAsync(created, $"evt-{n}")).IsSuccessStatusCode);

            // Webhooks are forwarded after their answer: the update is sent once the creation is forwarded.
            await WaitUntilEmptyAsync(deliveries);
            var updated = created.Replace("2026-11-25T09:00:01Z", "2026-11-25T09:10:00Z", StringComparison.Ordinal).Replace("buyer@example.com", "new@example.com", StringComparison.Ordinal);
            Assert.True((await a.PostShopifyAsync(updated, $"evt-{n}-u", "orders/updated")).IsSuccessStatusCode);
        }

        await WaitUntilEmptyAsync(deliveries);

        // Both messages of each order, taken at once by two hosts, as two queue listeners would.
        var queue = a.Services.GetRequiredService<StorageAccount>().Queues.GetQueueClient(settings["Channels:Ingestion:OrderQueue"]);
        var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
        Assert.Equal(ids.Count * 2, messages.Length);
        await Task.WhenAll(messages.GroupBy(m => JsonSerializer.Deserialize<ChannelOrderMessage>(m.Body.ToString())!.ChannelOrderId).SelectMany(order => order.Select((m, i) =>
        {
            var host = i == 0 ? a : b;
            return Task.Run(async () =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                var functions = ActivatorUtilities.CreateInstance<IntakeFunctions>(scope.ServiceProvider);
                await functions.FromChannelsAsync(m, host.Durable, default);
            });
        })));

        Assert.Equal(ids.Count, starts[5000]);
        foreach (var n in ids)
        {
            var detail = await a.WaitForStatusAsync(Samples.ShopifyOrderId(n), OrderStatus.AwaitingShipment);
            Assert.Equal("new@example.com", detail.Order!.Buyer?.Email);
        }

        Assert.Equal((300, ids.Count), await Samples.BalanceAsync(a.Services, Samples.Tee, Samples.Warehouse));
    }

    private static Task WaitUntilEmptyAsync(Azure.Storage.Queues.QueueClient queue) =>
        Eventually.UntilAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, $"queue {queue.Name} empty");
}
