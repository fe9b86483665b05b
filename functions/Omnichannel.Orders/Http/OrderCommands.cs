using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Omnichannel.Channels.Outbound;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Activities;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary>Operations' commands: replay, cancel, map a SKU, confirm a shipment. Each is a message to the flow (202).</summary>
internal static class OrderCommands
{
    /// <summary>Replays a failed flow (<see cref="FlowReplay"/>): rewound, it resumes at its failed step; every step that succeeded stays done.</summary>
    public static async Task<Results<Accepted<OrderAccepted>, NotFound, ProblemHttpResult>> ReplayAsync(string id, DurableTaskClient client, ILogger logger, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            return TypedResults.NotFound();
        }

        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Failed)
        {
            return Conflict($"Only a failed order can be replayed; this one is {instance.RuntimeStatus}.");
        }

        await FlowReplay.ReplayAsync<OrderFlowInput>(client, instance, "replay requested by operations", logger, cancellationToken);
        return Accepted(id, "replay");
    }

    public static async Task<Results<Accepted<OrderAccepted>, NotFound, ProblemHttpResult>> CancelAsync(string id, CancelOrderRequest? request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (await RunningAsync(id, client, cancellationToken) is { } refused)
        {
            return refused;
        }

        await FlowEvents.RaiseAsync(client, id, OrderEvents.Cancelled, new CancelRequest(false, request?.Reason ?? "cancelled by operations"), cancellationToken);
        return Accepted(id, "cancel");
    }

    /// <summary>Saves the listing (channel, store, the line's item id → SKU) for future orders, then wakes the flow to match again.</summary>
    public static async Task<Results<Accepted<OrderAccepted>, NotFound, ValidationProblem, ProblemHttpResult>> MapSkuAsync(
        string id, MapSkuRequest? request, DurableTaskClient client, OrderStore store, CatalogueStore catalogue, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.LineId))
        {
            return OrderQueries.Invalid("lineId", "'lineId' is required.");
        }

        if (string.IsNullOrWhiteSpace(request.Sku))
        {
            return OrderQueries.Invalid("sku", "'sku' is required.");
        }

        var stored = await store.GetAsync(id, cancellationToken);
        if (stored is null)
        {
            return TypedResults.NotFound();
        }

        var line = stored.Order.Lines.FirstOrDefault(l => l.ChannelLineId == request.LineId);
        if (line is null)
        {
            return OrderQueries.Invalid("lineId", $"The order has no line '{request.LineId}'.");
        }

        var sku = request.Sku.Trim();
        if (await catalogue.GetProductAsync(sku, cancellationToken) is null)
        {
            return OrderQueries.Invalid("sku", $"SKU '{sku}' is not in the catalogue.");
        }

        var order = stored.Order;
        await catalogue.UpsertListingAsync(new ChannelListing(order.Channel, order.Store, MatchOrderLines.ListingItemId(line), line.ChannelSku, sku, new StockRule()), cancellationToken);
        if (await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is { IsCompleted: false })
        {
            await FlowEvents.RaiseAsync(client, id, OrderEvents.SkuMapped, new { request.LineId, Sku = sku }, cancellationToken);
        }

        return Accepted(id, "map-sku");
    }

    /// <summary>The warehouse, store or operations confirm the shipment: carrier, tracking number, lines (default all).</summary>
    public static async Task<Results<Accepted<OrderAccepted>, NotFound, ValidationProblem, ProblemHttpResult>> ConfirmShipmentAsync(
        string orderId, ShipmentRequest? request, DurableTaskClient client, OrderStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var carrier = request?.Carrier?.Trim();
        var tracking = request?.TrackingNumber?.Trim();
        if (string.IsNullOrEmpty(carrier) || carrier.Length > 100)
        {
            return OrderQueries.Invalid("carrier", "'carrier' is required (at most 100 characters).");
        }

        if (string.IsNullOrEmpty(tracking) || tracking.Length > 100 || tracking.Any(char.IsControl))
        {
            return OrderQueries.Invalid("trackingNumber", "'trackingNumber' is required (at most 100 characters).");
        }

        if (request!.TrackingUrl is { IsAbsoluteUri: false })
        {
            return OrderQueries.Invalid("trackingUrl", "'trackingUrl' must be an absolute URL.");
        }

        if (request.Lines?.FirstOrDefault(l => string.IsNullOrWhiteSpace(l.LineId) || l.Quantity is not > 0) is not null)
        {
            return OrderQueries.Invalid("lines", "Each line needs a 'lineId' and a positive 'quantity'.");
        }

        if (await RunningAsync(orderId, client, cancellationToken) is { } refused)
        {
            return refused;
        }

        var stored = await store.GetAsync(orderId, cancellationToken);
        if (stored?.Order.Fulfilment.Kind == Channels.Model.FulfilmentKind.PickupInStore)
        {
            return Conflict("A click-and-collect order ends with POST /api/orders/{id}/ready-for-pickup and /picked-up, not a shipment.");
        }

        // No lines: everything reserved at that location (the flow knows it).
        var lines = request.Lines?.Select(l => new ShipmentLine(l.LineId!, l.Quantity!.Value)).ToList() ?? [];
        var shipment = new ShipmentConfirmation(carrier, tracking, request.TrackingUrl, request.ShippedAt ?? time.GetUtcNow(), lines, request.Location?.Trim());
        if (ShipmentLocation.Check(shipment, stored?.Fulfilment ?? []) is { } wrong)
        {
            return OrderQueries.Invalid("location", wrong);
        }

        await FlowEvents.RaiseAsync(client, orderId, OrderEvents.ShipmentConfirmed, shipment, cancellationToken);
        return Accepted(orderId, "shipment");
    }

    private static async Task<ProblemHttpResult?> RunningAsync(string id, DurableTaskClient client, CancellationToken cancellationToken) =>
        await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) switch
        {
            null => TypedResults.Problem($"Order '{id}' is unknown.", statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            { IsCompleted: true } i => Conflict($"The order's flow has ended ({i.RuntimeStatus})."),
            _ => null,
        };

    private static Accepted<OrderAccepted> Accepted(string id, string action) => TypedResults.Accepted($"/api/orders/{id}", new OrderAccepted(id, action));

    private static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
