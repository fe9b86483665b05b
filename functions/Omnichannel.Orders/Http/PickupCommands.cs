using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Omnichannel.Channels.Model;
using Omnichannel.Hosting.Http;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary>
/// The store's click-and-collect commands: <c>POST /api/orders/{id}/ready-for-pickup</c> while the order is
/// <see cref="OrderStatus.PreparingPickup"/>, then <c>POST /api/orders/{id}/picked-up</c> while it is
/// <see cref="OrderStatus.ReadyForPickup"/>. Each is an event to the flow (202); out of turn, 409.
/// </summary>
internal static class PickupCommands
{
    public static Task<Results<Accepted<OrderAccepted>, ProblemHttpResult>> ReadyAsync(
        string id, PickupRequest? request, DurableTaskClient client, OrderStore store, TimeProvider time, CancellationToken cancellationToken) =>
        RaiseAsync(id, request, OrderStatus.PreparingPickup, OrderEvents.ReadyForPickup, "ready-for-pickup", client, store, time, cancellationToken);

    public static Task<Results<Accepted<OrderAccepted>, ProblemHttpResult>> PickedUpAsync(
        string id, PickupRequest? request, DurableTaskClient client, OrderStore store, TimeProvider time, CancellationToken cancellationToken) =>
        RaiseAsync(id, request, OrderStatus.ReadyForPickup, OrderEvents.PickedUp, "picked-up", client, store, time, cancellationToken);

    private static async Task<Results<Accepted<OrderAccepted>, ProblemHttpResult>> RaiseAsync(
        string id,
        PickupRequest? request,
        OrderStatus expected,
        string eventName,
        string action,
        DurableTaskClient client,
        OrderStore store,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            return Problems.NotFound("order", id);
        }

        if (await store.GetAsync(id, cancellationToken) is { } stored && stored.Order.Fulfilment.Kind != FulfilmentKind.PickupInStore)
        {
            return Problems.Conflict("This is not a click-and-collect order; it ends with POST /api/shipments/{orderId}.");
        }

        var status = instance.IsCompleted ? OrderSummary.From(instance).Status : instance.ReadCustomStatusAs<OrderProgress>()?.Status;
        if (status != expected)
        {
            return Problems.Conflict($"The order is {status?.ToString() ?? "not started"}; {action} needs it {expected}.");
        }

        await FlowEvents.RaiseAsync(client, id, eventName, new PickupEvent(request?.At ?? time.GetUtcNow()), cancellationToken);
        return TypedResults.Accepted($"/api/orders/{id}", new OrderAccepted(id, action));
    }

}
