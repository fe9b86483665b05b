using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Omnichannel.Hosting.Http;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary>
/// The orders API (function key): <c>GET /api/orders</c>, <c>GET /api/orders/{id}</c>,
/// <c>POST /api/orders/{id}/replay|cancel|map-sku|ready-for-pickup|picked-up</c> and
/// <c>POST /api/shipments/{orderId}</c>. Each command is a message to the order's flow (202).
/// </summary>
public sealed class OrderFunctions(OrderStore store, CatalogueStore catalogue, TimeProvider time, ILogger<OrderFunctions> logger)
{
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
            client, HttpQuery.String(request, "status"), HttpQuery.String(request, "channel"), from, to, pageSize ?? 100, HttpQuery.String(request, "continuationToken"), cancellationToken);
    }

    [Function("OrdersGet")]
    public Task<Results<Ok<OrderDetail>, NotFound>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "orders/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        OrderQueries.GetAsync(id, client, store, logger, cancellationToken);

    [Function("OrdersReplay")]
    public Task<Results<Accepted<OrderAccepted>, NotFound, ProblemHttpResult>> ReplayAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/replay")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        OrderCommands.ReplayAsync(id, client, logger, cancellationToken);

    [Function("OrdersCancel")]
    public async Task<IResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/cancel")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var body = await HttpBody.ReadAsync<CancelOrderRequest>(request, cancellationToken);
        return body.Problem ?? (IResult)await OrderCommands.CancelAsync(id, body.Value, client, cancellationToken);
    }

    [Function("OrdersMapSku")]
    public async Task<IResult> MapSkuAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/map-sku")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var body = await HttpBody.ReadAsync<MapSkuRequest>(request, cancellationToken);
        return body.Problem ?? (IResult)await OrderCommands.MapSkuAsync(id, body.Value, client, store, catalogue, cancellationToken);
    }

    [Function("OrdersReadyForPickup")]
    public async Task<IResult> ReadyForPickupAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/ready-for-pickup")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var body = await HttpBody.ReadAsync<PickupRequest>(request, cancellationToken);
        return body.Problem ?? (IResult)await PickupCommands.ReadyAsync(id, body.Value, client, store, time, cancellationToken);
    }

    [Function("OrdersPickedUp")]
    public async Task<IResult> PickedUpAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/picked-up")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var body = await HttpBody.ReadAsync<PickupRequest>(request, cancellationToken);
        return body.Problem ?? (IResult)await PickupCommands.PickedUpAsync(id, body.Value, client, store, time, cancellationToken);
    }

    [Function("ShipmentsConfirm")]
    public async Task<IResult> ConfirmShipmentAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "shipments/{orderId}")] HttpRequest request, string orderId, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var body = await HttpBody.ReadAsync<ShipmentRequest>(request, cancellationToken);
        return body.Problem ?? (IResult)await OrderCommands.ConfirmShipmentAsync(orderId, body.Value, client, store, time, cancellationToken);
    }
}
