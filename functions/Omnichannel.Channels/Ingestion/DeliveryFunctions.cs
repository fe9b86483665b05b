using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Omnichannel.Channels.Storage;
using Omnichannel.Hosting.Diagnostics;

namespace Omnichannel.Channels.Ingestion;

/// <summary>The queue function after a webhook's answer: forwards what the receiving request handed on.</summary>
public sealed class DeliveryFunctions(DeliveryForwarder forwarder)
{
    /// <summary>The forward function's name, also the name of its consumer span.</summary>
    public const string ForwardName = "ChannelsWebhookForward";

    /// <summary>
    /// Consumes <c>Channels:Ingestion:DeliveryQueue</c> (default <c>channel-deliveries</c>): maps the archived
    /// payload, quarantines what cannot be read, forwards the orders to <c>Channels:Ingestion:OrderQueue</c>. Runs
    /// under a consumer span whose parent is the webhook request, so the order flow it feeds joins the same trace.
    /// A failure (storage, an order held by another forwarder) throws: the queue retries, then the poison queue.
    /// </summary>
    [Function(ForwardName)]
    public async Task ForwardAsync([QueueTrigger("%Channels:Ingestion:DeliveryQueue%")] QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var delivery = JsonSerializer.Deserialize<DeliveryMessage>(message.Body.ToString())
            ?? throw new InvalidDataException($"Queue message {message.MessageId} is empty.");
        using var span = HubTracing.StartConsumer(ForwardName, delivery.TraceParent);
        span?.SetTag("omnichannel.channel", delivery.Channel);
        await forwarder.ForwardAsync(delivery, cancellationToken);
    }
}
