using System.Text.Json;
using DurableTask.Core.History;
using Grpc.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Omnichannel.Orders.Intake;

namespace Omnichannel.Orders.Flow;

/// <summary>
/// Operations' replay of a failed flow (an order or a return).
/// <para>
/// Locally, and wherever the engine supports it, a rewind (<see cref="DurableTaskClient.RewindInstanceAsync"/>):
/// the failed execution resumes at its failed step and every step that succeeded stays done. The Azure Storage
/// provider's rewind cannot replay a history with retry timers after a failed task (<see cref="RewindSafe"/>),
/// which is what a step that failed after its retries leaves; such a flow is restarted as below.
/// </para>
/// <para>
/// On Azure, if rewind is unavailable (the client throws <see cref="NotSupportedException"/> or
/// <see cref="NotImplementedException"/>, or the gRPC sidecar answers Unimplemented), replay starts the flow
/// again under the same instance id with the same input, as a new execution. Every step runs again, and the
/// idempotency keys derived from the business (<c>FlowKeys</c>: order, line, location, step; the report keys
/// <c>{order}:shipment:{tracking}</c> and <c>{order}:return:{return}</c>) make the steps that completed before
/// no-ops: the ledger answers a known key with the movement it recorded, a recorded report is not sent
/// again. The events the failed execution had received (shipment confirmed, ready for pickup, ...) are raised
/// again from its history, in order, so the new execution gets as far as the old one; where the engine serves
/// no history either, the flow waits for them again (operations confirm the shipment again, which reports once).
/// </para>
/// </summary>
internal static class FlowReplay
{
    public static async Task ReplayAsync<TInput>(DurableTaskClient client, OrchestrationMetadata failed, string reason, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(failed);
        var history = await HistoryAsync(client, failed.InstanceId, cancellationToken);
        if (history is null || RewindSafe(history))
        {
            try
            {
                await client.RewindInstanceAsync(failed.InstanceId, reason, cancellationToken);
                return;
            }
            catch (Exception e) when (IsUnsupported(e))
            {
                Log.ReplayRestarts(logger, failed.InstanceId, e.GetType().Name);
            }
        }
        else
        {
            Log.ReplayRestarts(logger, failed.InstanceId, "retry timers in the history (Azure/durabletask#811)");
        }

        var input = failed.ReadInputAs<TInput>();
        var tags = failed.Tags ?? new Dictionary<string, string>();
        // The one deliberate start over an existing (failed) instance: the running statuses stay refused.
        var options = IntakeFunctions.StartOptions(failed.InstanceId, failed.Name, tags.GetValueOrDefault("channel") ?? string.Empty, tags.GetValueOrDefault("store") ?? string.Empty) with { DedupeStatuses = null };
        await client.ScheduleNewOrchestrationInstanceAsync(failed.Name, input, options, cancellationToken);
        foreach (var e in history?.OfType<EventRaisedEvent>() ?? [])
        {
            await FlowEvents.RaiseAsync(client, failed.InstanceId, e.Name, e.Input is null ? null : JsonSerializer.Deserialize<JsonElement>(e.Input), cancellationToken);
        }
    }

    /// <summary>
    /// Whether the provider's rewind can replay this history. It turns failed tasks (and their scheduling) into
    /// no-ops but keeps the durable timers a <c>RetryPolicy</c> put between attempts, so a history with a timer
    /// after a failed task no longer replays (non-deterministic; Azure/durabletask#811, also on Azure). Every step
    /// of our flows retries, so a flow that failed after retries is restarted instead.
    /// </summary>
    internal static bool RewindSafe(IEnumerable<HistoryEvent> history)
    {
        var failedBefore = false;
        foreach (var e in history)
        {
            failedBefore |= e is TaskFailedEvent;
            if (failedBefore && e is TimerCreatedEvent)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for a client or engine that does not offer the call (rewind, history).</summary>
    public static bool IsUnsupported(Exception e) =>
        e is NotSupportedException or NotImplementedException or RpcException { StatusCode: StatusCode.Unimplemented };

    private static async Task<IList<HistoryEvent>?> HistoryAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetOrchestrationHistoryAsync(instanceId, cancellationToken);
        }
        catch (Exception e) when (IsUnsupported(e))
        {
            return null;
        }
    }
}
