using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Omnichannel.Hosting.Http;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Http;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Returns;

/// <summary>
/// Returns of shipped orders (function key): <c>POST /api/orders/{id}/returns</c> and <c>POST /api/orders/{id}/returns/{returnId}/replay</c>.
/// An accepted one (202) is written into the order's timeline with who sent it (<see cref="Operator"/>), as the order commands are.
/// </summary>
public sealed class ReturnFunctions(OrderStore store, OrderReturnStore returns, OrderActionStore actions, LocationStore locations, TimeProvider time, ILogger<ReturnFunctions> logger)
{
    [Function("OrdersReturnPost")]
    public async Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/returns")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (OrderQueries.BadOrderId("id", id) is { } badId)
        {
            return badId;
        }

        var body = await HttpBody.ReadAsync<ReturnRequest>(request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var result = await ReturnCommands.CreateAsync(id, body.Value, client, store, returns, locations, time, cancellationToken);
        return await actions.RecordIfAcceptedAsync(time, request, id, "return", $"{body.Value?.ReturnId?.Trim()} at {body.Value?.Location?.Trim()}", result.Result, cancellationToken);
    }

    [Function("OrdersReturnReplay")]
    public async Task<IResult> ReplayAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/returns/{returnId}/replay")] HttpRequest request,
        string id,
        string returnId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (OrderQueries.BadOrderId("id", id) is { } badId)
        {
            return badId;
        }

        var result = await ReturnCommands.ReplayAsync(id, returnId, client, logger, cancellationToken);
        return await actions.RecordIfAcceptedAsync(time, request, id, "return-replay", returnId, result.Result, cancellationToken);
    }
}
