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
/// the failed execution resumes at its failed step and every step that succeeded stays done.
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
        try
        {
            await client.RewindInstanceAsync(failed.InstanceId, reason, cancellationToken);
            return;
        }
        catch (Exception e) when (IsUnsupported(e))
        {
            Log.ReplayRestarts(logger, failed.InstanceId, e.GetType().Name);
        }

        var events = await ReceivedEventsAsync(client, failed.InstanceId, cancellationToken);
        var input = failed.ReadInputAs<TInput>();
        var tags = failed.Tags ?? new Dictionary<string, string>();
        await client.ScheduleNewOrchestrationInstanceAsync(
            failed.Name, input, IntakeFunctions.StartOptions(failed.InstanceId, failed.Name, tags.GetValueOrDefault("channel") ?? string.Empty, tags.GetValueOrDefault("store") ?? string.Empty), cancellationToken);
        foreach (var (name, payload) in events)
        {
            await client.RaiseEventAsync(failed.InstanceId, name, payload, cancellationToken);
        }
    }

    /// <summary>True for a client or engine that does not offer the call (rewind, history).</summary>
    public static bool IsUnsupported(Exception e) =>
        e is NotSupportedException or NotImplementedException or RpcException { StatusCode: StatusCode.Unimplemented };

    private static async Task<IReadOnlyList<(string Name, JsonElement? Payload)>> ReceivedEventsAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            var history = await client.GetOrchestrationHistoryAsync(instanceId, cancellationToken);
            return history.OfType<EventRaisedEvent>()
                .Select(e => (e.Name, e.Input is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(e.Input)))
                .ToList();
        }
        catch (Exception e) when (IsUnsupported(e))
        {
            return [];
        }
    }
}
