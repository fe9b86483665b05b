using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Storage;
using Omnichannel.Testing;

namespace Omnichannel.Channels.Tests.Support;

/// <summary>Runs the forward stage by hand on services without a host: what the queue trigger would do.</summary>
public static class Forwarding
{
    /// <summary>Handed-on deliveries in the queue (peeked, left in place).</summary>
    public static async Task<IReadOnlyList<DeliveryMessage>> HandedOnAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredService<ChannelStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        return (await storage.Deliveries.PeekMessagesAsync(32)).Value.Select(m => JsonSerializer.Deserialize<DeliveryMessage>(m.Body.ToString())!).ToList();
    }

    /// <summary>
    /// Takes every handed-on delivery and forwards them all at once, as a batch of the queue trigger would; a delivery
    /// whose order another forwarder holds (<see cref="DeliveryBusyException"/>) is tried again, as the queue would.
    /// </summary>
    public static async Task<IReadOnlyList<WebhookAck>> ForwardAllAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredService<ChannelStorage>();
        var forwarder = services.GetRequiredService<DeliveryForwarder>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var messages = (await storage.Deliveries.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
        return await Task.WhenAll(messages.Select(async m =>
        {
            var delivery = JsonSerializer.Deserialize<DeliveryMessage>(m.Body.ToString())!;
            var ack = await Eventually.ValueAsync(
                async () =>
                {
                    try
                    {
                        return await forwarder.ForwardAsync(delivery, CancellationToken.None);
                    }
                    catch (DeliveryBusyException)
                    {
                        return null;
                    }
                },
                a => a is not null,
                $"delivery {delivery.ClaimKey} forwarded once no other forwarder holds its orders");
            await storage.Deliveries.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            return ack!;
        }));
    }

    /// <summary>Every message in the order queue (peeked, left in place).</summary>
    public static async Task<IReadOnlyList<ChannelOrderMessage>> QueuedOrdersAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredService<ChannelStorage>();
        return (await storage.Orders.PeekMessagesAsync(32)).Value.Select(m => JsonSerializer.Deserialize<ChannelOrderMessage>(m.Body.ToString())!).ToList();
    }
}
