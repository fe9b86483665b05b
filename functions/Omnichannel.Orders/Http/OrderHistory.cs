using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary>
/// The timeline of a flow: from its history where the client serves it
/// (<see cref="DurableTaskClient.GetOrchestrationHistoryAsync"/>, the local engine does), otherwise derived from
/// what the order store recorded and the instance's status (<see cref="TimelineEntry.Derive"/>), same JSON shape.
/// </summary>
internal static class OrderHistory
{
    public static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(
        DurableTaskClient client, OrchestrationMetadata? instance, StoredOrder? stored, ILogger logger, CancellationToken cancellationToken) =>
        (await ReadAsync(client, instance, stored, logger, cancellationToken)).Timeline;

    /// <summary>The timeline and, from the same history, what the flow did with the order (<see cref="OrderFacts"/>).</summary>
    public static async Task<(IReadOnlyList<TimelineEntry> Timeline, OrderFacts Facts)> ReadAsync(
        DurableTaskClient client, OrchestrationMetadata? instance, StoredOrder? stored, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (instance is null)
        {
            return ([], OrderFacts.None);
        }

        try
        {
            var history = await client.GetOrchestrationHistoryAsync(instance.InstanceId, cancellationToken);
            return (TimelineEntry.From(history), OrderFacts.From(history));
        }
        catch (Exception e) when (FlowReplay.IsUnsupported(e))
        {
            Log.TimelineDerived(logger, instance.InstanceId, e.GetType().Name);
            return (TimelineEntry.Derive(stored, instance), OrderFacts.None);
        }
    }
}
