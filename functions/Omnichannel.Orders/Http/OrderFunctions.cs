using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
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
    public async Task<Results<Ok<OrderPage>, ValidationProblem>> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "orders")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        if (!TryDate(query, "from", out var from))
        {
            return OrderQueries.Invalid("from", "'from' must be an ISO 8601 date and time.");
        }

        if (!TryDate(query, "to", out var to))
        {
            return OrderQueries.Invalid("to", "'to' must be an ISO 8601 date and time.");
        }

        var pageSize = 100;
        if (query["pageSize"] is { Count: > 0 } size && !int.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize))
        {
            return OrderQueries.Invalid("pageSize", $"'pageSize' must be between 1 and {OrderQueries.MaxPageSize}.");
        }

        return await OrderQueries.ListAsync(client, query["status"], query["channel"], from, to, pageSize, query["continuationToken"], cancellationToken);
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
        var (body, malformed) = await RequestBody.ReadAsync<CancelOrderRequest>(request, cancellationToken);
        return malformed ?? await OrderCommands.CancelAsync(id, body, client, cancellationToken);
    }

    [Function("OrdersMapSku")]
    public async Task<IResult> MapSkuAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/map-sku")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (body, malformed) = await RequestBody.ReadAsync<MapSkuRequest>(request, cancellationToken);
        return malformed ?? await OrderCommands.MapSkuAsync(id, body, client, store, catalogue, cancellationToken);
    }

    [Function("OrdersReadyForPickup")]
    public async Task<IResult> ReadyForPickupAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/ready-for-pickup")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (body, malformed) = await RequestBody.ReadAsync<PickupRequest>(request, cancellationToken);
        return malformed ?? await PickupCommands.ReadyAsync(id, body, client, store, time, cancellationToken);
    }

    [Function("OrdersPickedUp")]
    public async Task<IResult> PickedUpAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/picked-up")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (body, malformed) = await RequestBody.ReadAsync<PickupRequest>(request, cancellationToken);
        return malformed ?? await PickupCommands.PickedUpAsync(id, body, client, store, time, cancellationToken);
    }

    [Function("ShipmentsConfirm")]
    public async Task<IResult> ConfirmShipmentAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "shipments/{orderId}")] HttpRequest request, string orderId, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (body, malformed) = await RequestBody.ReadAsync<ShipmentRequest>(request, cancellationToken);
        return malformed ?? await OrderCommands.ConfirmShipmentAsync(orderId, body, client, store, time, cancellationToken);
    }

    private static bool TryDate(IQueryCollection query, string name, out DateTimeOffset? value)
    {
        value = null;
        if (query[name] is not { Count: > 0 } text)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
