using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Omnichannel.Events.History;
using Omnichannel.Hosting.Http;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary>
/// The orders API (function key): <c>GET /api/orders</c>, <c>GET /api/orders/{id}</c>,
/// <c>POST /api/orders/{id}/replay|cancel|map-sku|ready-for-pickup|picked-up</c> and
/// <c>POST /api/shipments/{orderId}</c>, <c>POST /api/orders/{id}/events/{name}</c>. Each command is a message to the
/// order's flow (202); an accepted one is written into the order's timeline with who sent it (<see cref="Operator"/>).
/// </summary>
public sealed class OrderFunctions(OrderStore store, OrderActionStore actions, EventJournalStore journal, CatalogueStore catalogue, TimeProvider time, ILogger<OrderFunctions> logger)
{
    /// <summary>The events <c>POST /api/orders/{id}/events/{name}</c> may raise: those the order and return flows wait for.</summary>
    public static readonly IReadOnlySet<string> RaisableEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        OrderEvents.SkuMapped, OrderEvents.StockAvailable, OrderEvents.ShipmentConfirmed, OrderEvents.ReadyForPickup,
        OrderEvents.PickedUp, OrderEvents.Cancelled, OrderEvents.Updated,
    };

    [Function("OrdersList")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "orders")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!HttpQuery.TryDateTimeOffset(request, "from", out var from, out var problem)
            || !HttpQuery.TryDateTimeOffset(request, "to", out var to, out problem)
            || !HttpQuery.TryInt(request, "pageSize", out var pageSize, out problem))
        {
            return problem!;
        }

        return await OrderQueries.ListAsync(
            client, HttpQuery.String(request, "status"), HttpQuery.String(request, "channel"), HttpQuery.String(request, "store"), from, to, pageSize ?? 100, HttpQuery.String(request, "continuationToken"), cancellationToken);
    }

    [Function("OrdersGet")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "orders/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        OrderQueries.BadOrderId("id", id) ?? (IResult)await OrderQueries.GetAsync(id, client, store, actions, journal, time, logger, cancellationToken);

    [Function("OrdersReplay")]
    public async Task<IResult> ReplayAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/replay")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        OrderQueries.BadOrderId("id", id) ?? await actions.RecordIfAcceptedAsync(time, request, id, "replay", null, (await OrderCommands.ReplayAsync(id, client, logger, cancellationToken)).Result, cancellationToken);

    [Function("OrdersEventRaise")]
    public async Task<IResult> RaiseEventAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/events/{name}")] HttpRequest request, string id, string name, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (OrderQueries.BadOrderId("id", id) is { } badId)
        {
            return badId;
        }

        if (!RaisableEvents.Contains(name))
        {
            return Problems.Invalid("name", $"'{name}' is not an event the flows wait for; one of: {string.Join(", ", RaisableEvents)}.");
        }

        var body = await HttpBody.ReadAsync<RaiseEventRequest>(request, cancellationToken);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            return Problems.NotFound("order", id);
        }

        if (instance.IsCompleted)
        {
            return Problems.Conflict($"The flow has ended ({instance.RuntimeStatus}).");
        }

        await FlowEvents.RaiseAsync(client, id, name, body.Value?.Payload, cancellationToken);
        return await actions.RecordIfAcceptedAsync(time, request, id, "raise-event", name, TypedResults.Accepted($"/api/orders/{id}", new OrderAccepted(id, "raise-event")), cancellationToken);
    }

    [Function("OrdersCancel")]
    public async Task<IResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/cancel")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (OrderQueries.BadOrderId("id", id) is { } badId)
        {
            return badId;
        }

        var body = await HttpBody.ReadAsync<CancelOrderRequest>(request, cancellationToken);
        return body.Problem ?? await actions.RecordIfAcceptedAsync(time, request, id, "cancel", body.Value?.Reason, (await OrderCommands.CancelAsync(id, body.Value, client, cancellationToken)).Result, cancellationToken);
    }

    [Function("OrdersSkuMap")]
    public async Task<IResult> MapSkuAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/map-sku")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (OrderQueries.BadOrderId("id", id) is { } badId)
        {
            return badId;
        }

        var body = await HttpBody.ReadAsync<MapSkuRequest>(request, cancellationToken);
        return body.Problem ?? await actions.RecordIfAcceptedAsync(
            time,
            request, id, "map-sku", $"line {body.Value?.LineId} → {body.Value?.Sku}", (await OrderCommands.MapSkuAsync(id, body.Value, client, store, catalogue, cancellationToken)).Result, cancellationToken);
    }

    [Function("OrdersReadyForPickupMark")]
    public async Task<IResult> ReadyForPickupAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/ready-for-pickup")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (OrderQueries.BadOrderId("id", id) is { } badId)
        {
            return badId;
        }

        var body = await HttpBody.ReadAsync<PickupRequest>(request, cancellationToken);
        return body.Problem ?? await actions.RecordIfAcceptedAsync(time, request, id, "ready-for-pickup", null, (await PickupCommands.ReadyAsync(id, body.Value, client, store, time, cancellationToken)).Result, cancellationToken);
    }

    [Function("OrdersPickedUpMark")]
    public async Task<IResult> PickedUpAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/picked-up")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (OrderQueries.BadOrderId("id", id) is { } badId)
        {
            return badId;
        }

        var body = await HttpBody.ReadAsync<PickupRequest>(request, cancellationToken);
        return body.Problem ?? await actions.RecordIfAcceptedAsync(time, request, id, "picked-up", null, (await PickupCommands.PickedUpAsync(id, body.Value, client, store, time, cancellationToken)).Result, cancellationToken);
    }

    [Function("OrdersShipmentConfirm")]
    public async Task<IResult> ConfirmShipmentAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "shipments/{orderId}")] HttpRequest request, string orderId, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (OrderQueries.BadOrderId("orderId", orderId) is { } badId)
        {
            return badId;
        }

        var body = await HttpBody.ReadAsync<ShipmentRequest>(request, cancellationToken);
        return body.Problem ?? await actions.RecordIfAcceptedAsync(
            time,
            request, orderId, "shipment", $"{body.Value?.Carrier} {body.Value?.TrackingNumber}", (await OrderCommands.ConfirmShipmentAsync(orderId, body.Value, client, store, time, cancellationToken)).Result, cancellationToken);
    }
}
