using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Omnichannel.Channels.Outbound;
using Omnichannel.Hosting.Http;
using Omnichannel.Hosting.Validation;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Orders.Activities;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary>Operations' commands: replay, cancel, map a SKU, confirm a shipment. Each is a message to the flow (202).</summary>
internal static class OrderCommands
{
    /// <summary>Replays a failed flow (<see cref="FlowReplay"/>): rewound, it resumes at its failed step; every step that succeeded stays done.</summary>
    public static async Task<Results<Accepted<OrderAccepted>, ProblemHttpResult>> ReplayAsync(string id, DurableTaskClient client, ILogger logger, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            return Problems.NotFound("order", id);
        }

        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Failed)
        {
            return Problems.Conflict($"Only a failed order can be replayed; this one is {instance.RuntimeStatus}.");
        }

        await FlowReplay.ReplayAsync<OrderFlowInput>(client, instance, "replay requested by operations", logger, cancellationToken);
        return Accepted(id, "replay");
    }

    public static async Task<Results<Accepted<OrderAccepted>, ProblemHttpResult>> CancelAsync(string id, CancelOrderRequest? request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (await RunningAsync(id, client, cancellationToken) is { } refused)
        {
            return refused;
        }

        await FlowEvents.RaiseAsync(client, id, OrderEvents.Cancelled, new CancelRequest(false, request?.Reason ?? "cancelled by operations"), cancellationToken);
        return Accepted(id, "cancel");
    }

    /// <summary>Saves the listing (channel, store, the line's item id → SKU) for future orders, then wakes the flow to match again.</summary>
    public static async Task<Results<Accepted<OrderAccepted>, ProblemHttpResult>> MapSkuAsync(
        string id, MapSkuRequest? request, DurableTaskClient client, OrderStore store, CatalogueStore catalogue, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request?.LineId))
        {
            errors.Add("lineId", "'lineId' is required.");
        }

        if (string.IsNullOrWhiteSpace(request?.Sku))
        {
            errors.Add("sku", "'sku' is required.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var stored = await store.GetAsync(id, cancellationToken);
        if (stored is null)
        {
            return Problems.NotFound("order", id);
        }

        var lineId = request!.LineId!;
        var line = stored.Order.Lines.FirstOrDefault(l => l.ChannelLineId == lineId);
        if (line is null)
        {
            return Problems.Invalid("lineId", $"The order has no line '{lineId}'.");
        }

        var sku = request.Sku!.Trim();
        if (await catalogue.GetProductAsync(sku, cancellationToken) is null)
        {
            return Problems.Invalid("sku", $"SKU '{sku}' is not in the catalogue.");
        }

        var order = stored.Order;
        await catalogue.UpsertListingAsync(new ChannelListing(order.Channel, order.Store, MatchOrderLines.ListingItemId(line), line.ChannelSku, sku, new StockRule()), cancellationToken);
        if (await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is { IsCompleted: false })
        {
            await FlowEvents.RaiseAsync(client, id, OrderEvents.SkuMapped, new { LineId = lineId, Sku = sku }, cancellationToken);
        }

        return Accepted(id, "map-sku");
    }

    /// <summary>The warehouse, store or operations confirm the shipment: carrier, tracking number, lines (default all).</summary>
    public static async Task<Results<Accepted<OrderAccepted>, ProblemHttpResult>> ConfirmShipmentAsync(
        string orderId, ShipmentRequest? request, DurableTaskClient client, OrderStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var carrier = request?.Carrier?.Trim();
        var tracking = request?.TrackingNumber?.Trim();
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(carrier) || carrier.Length > 100)
        {
            errors.Add("carrier", "'carrier' is required (at most 100 characters).");
        }

        if (string.IsNullOrEmpty(tracking) || tracking.Length > 100 || tracking.Any(char.IsControl))
        {
            errors.Add("trackingNumber", "'trackingNumber' is required (at most 100 characters).");
        }

        if (request?.TrackingUrl is { IsAbsoluteUri: false })
        {
            errors.Add("trackingUrl", "'trackingUrl' must be an absolute URL.");
        }

        if (request?.Lines?.FirstOrDefault(l => string.IsNullOrWhiteSpace(l.LineId) || l.Quantity is not > 0) is not null)
        {
            errors.Add("lines", "Each line needs a 'lineId' and a positive 'quantity'.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (await RunningAsync(orderId, client, cancellationToken) is { } refused)
        {
            return refused;
        }

        var stored = await store.GetAsync(orderId, cancellationToken);
        if (stored?.Order.Fulfilment.Kind == Channels.Model.FulfilmentKind.PickupInStore)
        {
            return Problems.Conflict("A click-and-collect order ends with POST /api/orders/{id}/ready-for-pickup and /picked-up, not a shipment.");
        }

        // No lines: everything reserved at that location (the flow knows it).
        var lines = request!.Lines?.Select(l => new ShipmentLine(l.LineId!, l.Quantity!.Value)).ToList() ?? [];
        var shipment = new ShipmentConfirmation(carrier!, tracking!, request.TrackingUrl, request.ShippedAt ?? time.GetUtcNow(), lines, request.Location?.Trim());
        if (ShipmentLocation.Check(shipment, stored?.Fulfilment ?? []) is { } wrong)
        {
            return Problems.Invalid("location", wrong);
        }

        await FlowEvents.RaiseAsync(client, orderId, OrderEvents.ShipmentConfirmed, shipment, cancellationToken);
        return Accepted(orderId, "shipment");
    }

    private static async Task<ProblemHttpResult?> RunningAsync(string id, DurableTaskClient client, CancellationToken cancellationToken) =>
        await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) switch
        {
            null => Problems.NotFound("order", id),
            { IsCompleted: true } i => Problems.Conflict($"The order's flow has ended ({i.RuntimeStatus})."),
            _ => null,
        };

    private static Accepted<OrderAccepted> Accepted(string id, string action) => TypedResults.Accepted($"/api/orders/{id}", new OrderAccepted(id, action));

}
