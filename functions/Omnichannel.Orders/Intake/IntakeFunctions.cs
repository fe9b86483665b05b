using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Omnichannel.Channels.Ingestion;
using Omnichannel.Channels.Model;
using Omnichannel.Channels.Storage;
using Omnichannel.Hosting.Diagnostics;
using Omnichannel.Ledger.Changes;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Intake;

/// <summary>The queue functions that feed the order flows: orders from the channels, and stock changes that wake backorders.</summary>
public sealed class IntakeFunctions(
    ArchivedOrderReader reader,
    ReferenceResolver references,
    OrderStore store,
    BackorderStore index,
    TimeProvider time,
    ILogger<IntakeFunctions> logger)
{
    /// <summary>The order queue's function; <c>AzureWebJobs:{ReceiveName}:Disabled</c> turns its listener off.</summary>
    public const string ReceiveName = "OrdersIntakeReceive";

    /// <summary>
    /// Consumes the channels' order queue. A new order starts <see cref="OrderFlow"/> under its order id (a
    /// redelivered message finds the instance and starts nothing); an update or cancellation is stored and raised
    /// to the running flow; one that arrives after the flow ended is stored and, for a cancellation, flagged. A thin
    /// notification (a reference) is fetched from the channel and comes back as an ordinary message.
    /// </summary>
    [Function(ReceiveName)]
    public async Task FromChannelsAsync(
        [QueueTrigger("%Channels:Ingestion:OrderQueue%")] QueueMessage message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(client);
        var order = JsonSerializer.Deserialize<ChannelOrderMessage>(message.Body.ToString())
            ?? throw new InvalidDataException($"Queue message {message.MessageId} is empty.");

        // The trace of the webhook (or poll) that received the order: the flow started below joins it.
        using var span = HubTracing.StartConsumer(ReceiveName, order.TraceParent);
        if (order.Kind == OrderEventKind.Reference)
        {
            // The fetched order comes back through this queue as an ordinary message; a channel error throws, so the queue retries.
            await references.ResolveAsync(order, cancellationToken);
            return;
        }

        var orderId = OrderId.For(order.Channel, order.Store, order.ChannelOrderId);

        // Start only if new (insert first, never check-then-act): of two messages of a new order handled at once,
        // even by two hosts, exactly one claims the start; every other one is seen before and handled as an update.
        var claim = await store.ClaimFlowAsync(orderId, order.MessageId, cancellationToken);
        if (claim == FlowClaim.Claimed
            || (claim == FlowClaim.ClaimedBefore && await client.GetInstanceAsync(orderId, getInputsAndOutputs: false, cancellationToken) is null))
        {
            var input = new OrderFlowInput(orderId, order.Channel, order.Store, order.ChannelOrderId, order.ArchiveBlob, order.MessageId);
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(OrderFlow.Name, input, StartOptions(orderId, OrderFlow.Name, order.Channel, order.Store), cancellationToken);
                Log.FlowStarted(logger, orderId, order.MessageId);
                return;
            }
            catch (Exception e) when (IsAlreadyStarted(e))
            {
                // Started by an earlier delivery whose host died before it could delete this message: seen before.
            }
        }

        // Seen before: keep the stored order current whatever the flow is doing. Stored first, so a flow that is
        // claimed but not started yet reads this version when it receives the order.
        var canonical = await reader.ReadAsync(order.ArchiveBlob, order.Channel, order.Store, order.ChannelOrderId, cancellationToken);
        await store.UpsertAsync(orderId, canonical, order.MessageId, time.GetUtcNow(), cancellationToken);
        var cancelled = order.Kind == OrderEventKind.Cancellation || canonical.Status == ChannelOrderStatus.Cancelled;
        var instance = await client.GetInstanceAsync(orderId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            // Claimed by another message that has not started the flow yet: the stored order is what it will read.
            // A cancellation the stored order does not show must still reach the flow: the message is retried.
            if (cancelled && canonical.Status != ChannelOrderStatus.Cancelled)
            {
                throw new InvalidOperationException($"Order flow {orderId} is claimed but not started yet; the cancellation is retried.");
            }

            Log.StoredBeforeStart(logger, orderId, order.Kind.ToString());
            return;
        }

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
            await FlowEvents.RaiseAsync(client, orderId, OrderEvents.Cancelled, new CancelRequest(true, "cancelled on the channel"), cancellationToken);
        }
        else
        {
            await FlowEvents.RaiseAsync(client, orderId, OrderEvents.Updated, new { order.MessageId }, cancellationToken);
        }

        Log.EventForwarded(logger, orderId, order.Kind.ToString());
    }

    /// <summary>
    /// On the ledger's copy of its stock-changed messages (<c>Ledger:StockChangedCopyQueue</c>): raises
    /// <see cref="OrderEvents.StockAvailable"/> to every running order the <see cref="BackorderStore"/> says
    /// waits for the SKU, which then tries to reserve again at once. Rows of orders that ended are removed. The
    /// flow's periodic re-check stays as the safety net (a change just before an order is indexed, a lost message).
    /// </summary>
    [Function("OrdersBackordersWake")]
    public async Task StockChangedAsync(
        [QueueTrigger("%Ledger:StockChangedCopyQueue%")] QueueMessage message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(client);
        var (change, error) = StockChanged.Read(message.Body.ToString());
        if (change is null)
        {
            Log.StockChangeSkipped(logger, message.MessageId, error!);
            return;
        }

        foreach (var orderId in await index.WaitingForAsync(change.Sku, cancellationToken))
        {
            var instance = await client.GetInstanceAsync(orderId, getInputsAndOutputs: false, cancellationToken);
            if (instance is null || instance.IsCompleted)
            {
                await index.RemoveAsync(orderId, [change.Sku], cancellationToken);
                continue;
            }

            await FlowEvents.RaiseAsync(client, orderId, OrderEvents.StockAvailable, new { change.Sku, change.Sequence }, cancellationToken);
            Log.BackorderWoken(logger, orderId, change.Sku);
        }
    }

    /// <summary>The start options of an order's flows: the instance id, and tags naming the flow, channel and store (shown by DfMon and the portal).</summary>
    /// <summary>The client's "an instance with this id exists" (the local engine's and DTFx's exception; gRPC AlreadyExists).</summary>
    internal static bool IsAlreadyStarted(Exception e) =>
        e is DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException or Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.AlreadyExists };

    /// <summary>
    /// How every start path of the order and return flows starts one: only if no instance of that id exists in any
    /// status (a finished order's history is never replaced); replay's restart is the one deliberate exception.
    /// </summary>
    internal static StartOrchestrationOptions StartOptions(string instanceId, string flow, string channel, string store) =>
        new(instanceId)
        {
            DedupeStatuses = Enum.GetNames<OrchestrationRuntimeStatus>(),
            Tags = new Dictionary<string, string> { ["flow"] = flow, ["channel"] = channel.ToLowerInvariant(), ["store"] = store.ToLowerInvariant() },
        };
}
