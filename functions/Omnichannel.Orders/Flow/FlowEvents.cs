using Microsoft.DurableTask.Client;

namespace Omnichannel.Orders.Flow;

/// <summary>
/// The one way to raise an event to a flow. DTFx's Azure Storage provider (the engine on Azure and locally) drops
/// an event that it dequeues before the instance's first episode ran: the start message can be put back for a few
/// seconds while the instance row is written, and an event dequeued alone then finds "no such instance" and is
/// deleted. So an event goes only to an instance that has left <c>Pending</c>; a starting one is waited for,
/// bounded by <see cref="StartWait"/>, and one that has not started by then fails the call (a queue retries it;
/// an HTTP call answers the error path's problem).
/// </summary>
public static class FlowEvents
{
    /// <summary>How long a raise waits for a starting flow's first episode.</summary>
    public static readonly TimeSpan StartWait = TimeSpan.FromSeconds(30);

    public static async Task RaiseAsync(DurableTaskClient client, string instanceId, string eventName, object? payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(StartWait);
            try
            {
                await client.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs: false, bounded.Token);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Flow {instanceId} has not started within {StartWait.TotalSeconds:0} s; event '{eventName}' was not sent.", e);
            }
        }

        await client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);
    }
}
