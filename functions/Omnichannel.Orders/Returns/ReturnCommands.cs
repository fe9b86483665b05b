using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Omnichannel.Hosting.Http;
using Omnichannel.Hosting.Validation;
using Omnichannel.Ledger.Catalogue;
using Omnichannel.Ledger.Stock;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Intake;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Returns;

/// <summary>
/// <c>POST /api/orders/{id}/returns</c>: records a return of a shipped order (checked against what was shipped
/// minus what came back, atomically) and starts its <see cref="OrderReturnFlow"/>; the same return id again
/// is the same return (202, nothing new), with another body 409. <c>POST .../returns/{returnId}/replay</c>
/// replays a failed one (<see cref="FlowReplay"/>).
/// </summary>
internal static class ReturnCommands
{
    public const int MaxLines = 100;

    public static async Task<Results<Accepted<ReturnAccepted>, ProblemHttpResult>> CreateAsync(
        string id, ReturnRequest? request, DurableTaskClient client, OrderStore store, OrderReturnStore returns, LocationStore locations, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Shape(request) is { } invalid)
        {
            return invalid;
        }

        var stored = await store.GetAsync(id, cancellationToken);
        if (stored is null)
        {
            return Problems.NotFound("order", id);
        }

        if (stored.Shipped.Count == 0)
        {
            return Problems.Conflict("The order has not shipped (or been sold by the channel) yet: nothing can come back.");
        }

        var location = request!.Location!.Trim();
        if (await locations.FindAsync(location, cancellationToken) is null)
        {
            return Problems.Invalid("location", $"'{location}' is not a known location.");
        }

        var lines = new List<ReturnedLine>();
        for (var i = 0; i < request.Lines!.Count; i++)
        {
            var asked = request.Lines[i];
            var shipped = stored.Shipped.FirstOrDefault(a => a.ChannelLineId == asked.LineId?.Trim())
                ?? stored.Shipped.FirstOrDefault(a => asked.LineId is null && (string.Equals(a.Sku, asked.Sku?.Trim(), StringComparison.OrdinalIgnoreCase)
                    || stored.Order.Lines.Any(l => l.ChannelLineId == a.ChannelLineId && string.Equals(l.ChannelSku, asked.Sku?.Trim(), StringComparison.OrdinalIgnoreCase))));
            if (shipped is null)
            {
                return Problems.Invalid($"lines[{i}]", "The line matches no shipped line of the order (by 'lineId', or 'sku').");
            }

            var channelSku = stored.Order.Lines.FirstOrDefault(l => l.ChannelLineId == shipped.ChannelLineId)?.ChannelSku;
            lines.Add(new ReturnedLine(shipped.ChannelLineId, channelSku, shipped.Sku, asked.Quantity!.Value, Enum.Parse<ReturnCondition>(asked.Condition!, ignoreCase: true), shipped.UnitPrice, shipped.Currency, shipped.UnitNet, shipped.UnitTax));
        }

        var returnId = request.ReturnId!.Trim();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var fingerprint = string.Join('|', [location, reason, .. lines.Select(l => $"{l.ChannelLineId}:{l.Quantity}:{l.Condition}")]);
        var record = new ReturnRecord(returnId, location, lines, reason, request.ReturnedAt ?? time.GetUtcNow(), fingerprint);
        var (outcome, line) = await returns.AddAsync(id, record, cancellationToken);
        switch (outcome)
        {
            case ReturnRecorded.UnknownOrder:
                return Problems.NotFound("order", id);
            case ReturnRecorded.DifferentBody:
                return Problems.Conflict($"Return '{returnId}' of this order was recorded before with another body.");
            case ReturnRecorded.TooMany:
                return Problems.Invalid($"lines[{line}].quantity", "More units than were shipped minus those already returned.");
        }

        var instanceId = OrderReturnFlow.InstanceId(id, returnId);
        if (outcome == ReturnRecorded.Added || await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null)
        {
            // A repeat finds no instance only after a crash between the record and the start: start it from the first record.
            var first = outcome == ReturnRecorded.Added ? record : (await store.GetAsync(id, cancellationToken))!.Returns.First(r => r.ReturnId == returnId);
            var o = stored.Order;
            await client.ScheduleNewOrchestrationInstanceAsync(
                OrderReturnFlow.Name, new ReturnInput(id, o.Channel, o.Store, o.ChannelOrderId, first), IntakeFunctions.StartOptions(instanceId, OrderReturnFlow.Name, o.Channel, o.Store), cancellationToken);
        }

        return TypedResults.Accepted($"/api/orders/{id}", new ReturnAccepted(id, returnId, instanceId));
    }

    public static async Task<Results<Accepted<ReturnAccepted>, ProblemHttpResult>> ReplayAsync(string id, string returnId, DurableTaskClient client, ILogger logger, CancellationToken cancellationToken)
    {
        var instanceId = OrderReturnFlow.InstanceId(id, returnId);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            return Problems.NotFound("return", returnId);
        }

        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Failed)
        {
            return Problems.Conflict($"Only a failed return can be replayed; this one is {instance.RuntimeStatus}.");
        }

        await FlowReplay.ReplayAsync<ReturnInput>(client, instance, "replay requested by operations", logger, cancellationToken);
        return TypedResults.Accepted($"/api/orders/{id}", new ReturnAccepted(id, returnId, instanceId));
    }

    /// <summary>Checks what needs no stored state, every field at once; null when the body is well formed.</summary>
    private static ProblemHttpResult? Shape(ReturnRequest? request)
    {
        var errors = new FieldErrors();
        var returnId = request?.ReturnId?.Trim();
        if (string.IsNullOrEmpty(returnId) || returnId.Length > 100 || !returnId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add("returnId", "'returnId' is required: 1 to 100 letters, digits, '-', '_' or '.'.");
        }

        if (string.IsNullOrWhiteSpace(request?.Location) || request.Location.Length > 100)
        {
            errors.Add("location", "'location' is required (a location id).");
        }

        if (request?.Lines is not { Count: > 0 and <= MaxLines })
        {
            errors.Add("lines", $"'lines' needs 1 to {MaxLines} lines.");
        }

        if (request?.Reason is { Length: > 500 })
        {
            errors.Add("reason", "'reason' has at most 500 characters.");
        }

        for (var i = 0; i < (request?.Lines is { Count: <= MaxLines } lines ? lines.Count : 0); i++)
        {
            var line = request!.Lines![i];
            if (line is null || (string.IsNullOrWhiteSpace(line.LineId) && string.IsNullOrWhiteSpace(line.Sku)))
            {
                errors.Add($"lines[{i}].lineId", "Each line needs a 'lineId' or a 'sku'.");
            }

            if (line?.Quantity is not (> 0 and <= MovementRequest.MaxQuantity))
            {
                errors.Add($"lines[{i}].quantity", "'quantity' must be a positive number of units.");
            }

            if (!Enum.TryParse<ReturnCondition>(line?.Condition, ignoreCase: true, out var condition) || !Enum.IsDefined(condition) || int.TryParse(line?.Condition, out _))
            {
                errors.Add($"lines[{i}].condition", "'condition' must be sellable or damaged.");
            }
        }

        return errors.Any ? Problems.Invalid(errors) : null;
    }

}
