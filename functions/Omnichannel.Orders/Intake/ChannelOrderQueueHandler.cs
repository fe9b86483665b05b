using System.Text.Json;
using Microsoft.Extensions.Logging;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Storage;
using Omnichannel.Durable.Client;
using Omnichannel.Durable.Model;
using Omnichannel.Hosting.Declarations;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Intake;

/// <summary>
/// Consumes the channels' order queue. A new order starts <see cref="OrderFlow"/> under its order id (a
/// redelivered message finds the instance and starts nothing); an update or cancellation is stored and raised
/// to the running flow; one that arrives after the flow ended is stored and, for a cancellation, flagged. A thin
/// notification (a reference) is fetched from the channel and comes back as an ordinary message.
/// </summary>
public sealed class ChannelOrderQueueHandler(
    DurableClient client,
    ArchivedOrderReader reader,
    ReferenceResolver references,
    OrderStore store,
    TimeProvider time,
    ILogger<ChannelOrderQueueHandler> logger) : IQueueHandler
{
    public async Task HandleAsync(QueueInvocation message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var order = JsonSerializer.Deserialize<ChannelOrderMessage>(message.Body)
            ?? throw new InvalidDataException($"Queue message {message.MessageId} is empty.");
        if (order.Kind == OrderEventKind.Reference)
        {
            // The fetched order comes back through this queue as an ordinary message; a channel error throws, so the queue retries.
            await references.ResolveAsync(order, cancellationToken);
            return;
        }

        var orderId = OrderId.For(order.Channel, order.Store, order.ChannelOrderId);
        var input = new OrderFlowInput(orderId, order.Channel, order.Store, order.ChannelOrderId, order.ArchiveBlob, order.MessageId);
        var tags = new Dictionary<string, string> { ["flow"] = OrderFlow.Name, ["channel"] = order.Channel.ToLowerInvariant(), ["store"] = order.Store.ToLowerInvariant() };

        // Start only if new (insert first, never check-then-act): of two messages of a new order handled at once,
        // even by two hosts, exactly one starts the flow; every other one is seen before and handled as an update.
        if (await client.TryScheduleNewOrchestrationInstanceAsync(OrderFlow.Name, input, new StartOrchestrationOptions { InstanceId = orderId, Tags = tags }, cancellationToken))
        {
            Log.FlowStarted(logger, orderId, order.MessageId);
            return;
        }

        var instance = await client.GetInstanceAsync(orderId, getInputsAndOutputs: false, cancellationToken)
            ?? throw new InvalidOperationException($"Order flow {orderId} exists but could not be read; the message is retried.");

        // Seen before: keep the stored order current whatever the flow is doing.
        var canonical = await reader.ReadAsync(order.ArchiveBlob, order.Channel, order.Store, order.ChannelOrderId, cancellationToken);
        await store.UpsertAsync(orderId, canonical, order.MessageId, time.GetUtcNow(), cancellationToken);
        var cancelled = order.Kind == OrderEventKind.Cancellation || canonical.Status == ChannelOrderStatus.Cancelled;
        if (instance.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Failed)
        {
            Log.AfterFlow(logger, orderId, order.Kind.ToString(), instance.RuntimeStatus.ToString());
            if (cancelled)
            {
                await store.AddFlagAsync(orderId, OrderFlags.CancelledAfterFlow, cancellationToken);
            }

            return;
        }

        if (cancelled)
        {
            await client.RaiseEventAsync(orderId, OrderEvents.Cancelled, new CancelRequest(true, "cancelled on the channel"), cancellationToken);
        }
        else
        {
            await client.RaiseEventAsync(orderId, OrderEvents.Updated, new { order.MessageId }, cancellationToken);
        }

        Log.EventForwarded(logger, orderId, order.Kind.ToString());
    }
}
