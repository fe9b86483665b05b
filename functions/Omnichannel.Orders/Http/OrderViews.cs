using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Omnichannel.Channels.Model;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Model;
using Omnichannel.Orders.Returns;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary>One order in a list.</summary>
/// <param name="Id">Order id (the flow's instance id).</param>
/// <param name="Channel">Channel.</param>
/// <param name="Store">Store on the channel.</param>
/// <param name="ChannelOrderId">The channel's order id.</param>
/// <param name="Status">Business status.</param>
/// <param name="Detail">What it waits for, or the outcome.</param>
/// <param name="Failure">Why it failed (type: message), when <see cref="OrderStatus.Failed"/>.</param>
/// <param name="Flags">Things operations must look at.</param>
/// <param name="CreatedAt">When the flow started.</param>
/// <param name="LastUpdatedAt">Last progress.</param>
/// <param name="Problem">
/// Set when the instance is odd (an input or status that is not an order flow's, e.g. a flow started by hand with
/// another body): what could not be read. The rest shows what is known; the page never answers 500 for it.
/// </param>
public sealed record OrderSummary(
    string Id,
    string Channel,
    string Store,
    string ChannelOrderId,
    OrderStatus Status,
    string? Detail,
    string? Failure,
    IReadOnlyList<string> Flags,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? Problem = null)
{
    public static OrderSummary From(OrchestrationMetadata m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var problems = new List<string>();
        var input = TryRead(() => m.ReadInputAs<OrderFlowInput>(), "input", problems);
        var progress = TryRead(() => m.ReadCustomStatusAs<OrderProgress>(), "custom status", problems);
        if (input is not null && input.OrderId != m.InstanceId)
        {
            problems.Add($"the input names order '{input.OrderId}', not this instance");
        }
        var status = m.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Failed => OrderStatus.Failed,
            OrchestrationRuntimeStatus.Terminated => OrderStatus.Terminated,
            OrchestrationRuntimeStatus.Pending => OrderStatus.Pending,
            _ => progress?.Status ?? OrderStatus.Received,
        };
        // The Azure Storage provider may return a failed state without its failure details: the flow's last
        // status then carries the reason (set as it fails), else the output holds the error as text.
        var failure = m.RuntimeStatus != OrchestrationRuntimeStatus.Failed ? null
            : m.FailureDetails is { } f ? Describe(f)
            : progress is { Status: OrderStatus.Failed, Detail: { } why } ? why
            : m.SerializedOutput;
        return new OrderSummary(
            m.InstanceId,
            input?.Channel ?? m.Tags?.GetValueOrDefault("channel") ?? string.Empty,
            input?.Store ?? m.Tags?.GetValueOrDefault("store") ?? string.Empty,
            input?.ChannelOrderId ?? string.Empty,
            status,
            progress?.Detail,
            failure,
            progress?.Flags ?? [],
            m.CreatedAt,
            m.LastUpdatedAt,
            problems.Count == 0 ? null : string.Join("; ", problems));
    }

    /// <summary>Reads a JSON part of the instance; one that is not what an order flow writes is noted, not thrown.</summary>
    private static T? TryRead<T>(Func<T?> read, string what, List<string> problems)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            problems.Add($"the {what} is not an order flow's ({e.GetType().Name})");
            return null;
        }
    }

    /// <summary>The innermost failure is the cause operations need; the outer ones name the step.</summary>
    internal static string Describe(TaskFailureDetails failure)
    {
        var cause = failure;
        while (cause.InnerFailure is { } inner)
        {
            cause = inner;
        }

        return ReferenceEquals(cause, failure) ? $"{failure.ErrorType}: {failure.ErrorMessage}" : $"{failure.ErrorMessage} (cause {cause.ErrorType}: {cause.ErrorMessage})";
    }
}

/// <summary>
/// One order in full: its status, the stored canonical order, fulfilment, the flow's timeline (with the commands
/// operations sent, <c>what: "action"</c>, and who sent them) and what the flow did with it (<see cref="OrderFacts"/>).
/// </summary>
public sealed record OrderDetail(
    OrderSummary Summary,
    CanonicalOrder? Order,
    int Versions,
    IReadOnlyList<string> StoredFlags,
    IReadOnlyList<FulfilmentRecord> Fulfilment,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<OrderReturnView> Returns,
    OrderFacts? Facts = null);

/// <summary>A page of orders; pass <see cref="ContinuationToken"/> back for the next page.</summary>
public sealed record OrderPage(IReadOnlyList<OrderSummary> Orders, string? ContinuationToken);

/// <summary>The body of <c>POST /api/orders/{id}/map-sku</c>.</summary>
/// <param name="LineId">The channel line id to map.</param>
/// <param name="Sku">The catalogue SKU it sells.</param>
public sealed record MapSkuRequest(string? LineId = null, string? Sku = null);

/// <summary>The body of <c>POST /api/orders/{id}/cancel</c>.</summary>
public sealed record CancelOrderRequest(string? Reason = null);

/// <summary>The body of <c>POST /api/shipments/{orderId}</c>.</summary>
/// <param name="Carrier">Carrier name or code.</param>
/// <param name="TrackingNumber">Tracking number.</param>
/// <param name="TrackingUrl">Tracking link, optional.</param>
/// <param name="ShippedAt">When it left; default now.</param>
/// <param name="Lines">Channel line ids and quantities; default everything reserved at the shipping location.</param>
/// <param name="Location">The location the parcel left; needed when the order ships from several (one parcel each) and the lines do not tell.</param>
public sealed record ShipmentRequest(
    string? Carrier = null,
    string? TrackingNumber = null,
    Uri? TrackingUrl = null,
    DateTimeOffset? ShippedAt = null,
    IReadOnlyList<ShipmentLineRequest>? Lines = null,
    string? Location = null);

/// <summary>A line of a shipment.</summary>
public sealed record ShipmentLineRequest(string? LineId = null, int? Quantity = null);

/// <summary>The body (optional) of <c>POST /api/orders/{id}/ready-for-pickup</c> and <c>/picked-up</c>.</summary>
/// <param name="At">When it happened at the store; default now.</param>
public sealed record PickupRequest(DateTimeOffset? At = null);

/// <summary>The body of <c>POST /api/orders/{id}/events/{name}</c>: the event's payload (any JSON, optional).</summary>
/// <param name="Payload">What the flow receives with the event.</param>
public sealed record RaiseEventRequest(System.Text.Json.JsonElement? Payload = null);

/// <summary>What an accepted command answers.</summary>
public sealed record OrderAccepted(string Id, string Action);
