using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Omnichannel.Hosting.Http;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Returns;

/// <summary>Returns of shipped orders (function key): <c>POST /api/orders/{id}/returns</c> and <c>POST /api/orders/{id}/returns/{returnId}/replay</c>.</summary>
public sealed class ReturnFunctions(OrderStore store, OrderReturnStore returns, LocationDirectory locations, TimeProvider time, ILogger<ReturnFunctions> logger)
{
    [Function("OrdersReturn")]
    public async Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/returns")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (Http.OrderQueries.BadOrderId("id", id) is { } badId)
        {
            return badId;
        }

        var body = await HttpBody.ReadAsync<ReturnRequest>(request, cancellationToken);
        return body.Problem ?? (IResult)await ReturnCommands.CreateAsync(id, body.Value, client, store, returns, locations, time, cancellationToken);
    }

    [Function("OrdersReturnReplay")]
    public async Task<IResult> ReplayAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/returns/{returnId}/replay")] HttpRequest request,
        string id,
        string returnId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        Http.OrderQueries.BadOrderId("id", id) ?? (IResult)await ReturnCommands.ReplayAsync(id, returnId, client, logger, cancellationToken);
}
