using System.Text.Json;
using DurableTask.Core.History;
using Omnichannel.Events.History;
using Omnichannel.Events.Model;
using Omnichannel.Orders.Activities;
using Omnichannel.Orders.Events;
using Omnichannel.Orders.Flow;
using Omnichannel.Orders.Storage;

namespace Omnichannel.Orders.Http;

/// <summary>
/// What the flow did with an order, read from the inputs and results its steps recorded in the history: how each
/// line matched, what is reserved where, the parcels shipped and what was reported to the channel. Empty where
/// the engine serves no history.
/// </summary>
/// <param name="Matched">Lines matched to a SKU, with how (listing, gtin, asin, sellerSku, mapped).</param>
/// <param name="Unmatched">Lines that matched nothing (the order then needs attention).</param>
/// <param name="Reservations">The latest reservation that held: per line and location.</param>
/// <param name="Released">True when a reservation was released (a cancellation).</param>
/// <param name="Parcels">Each parcel shipped (or picked up), with its lines: from the order's shipped and picked-up events (the engine's history does not keep the steps' inputs).</param>
/// <param name="Reports">What the flow told the channel (tracking, ready for pickup), as the channel answered.</param>
public sealed record OrderFacts(
    IReadOnlyList<MatchedLine> Matched,
    IReadOnlyList<UnmatchedLine> Unmatched,
    IReadOnlyList<Allocation> Reservations,
    bool Released,
    IReadOnlyList<OrderParcel> Parcels,
    IReadOnlyList<ChannelReport> Reports)
{
    public static OrderFacts None { get; } = new([], [], [], false, [], []);

    public static OrderFacts From(IEnumerable<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var scheduled = new Dictionary<int, TaskScheduledEvent>();
        MatchResult? match = null;
        IReadOnlyList<Allocation> reservations = [];
        var released = false;
        var reports = new List<ChannelReport>();
        foreach (var e in history)
        {
            if (e is TaskScheduledEvent s)
            {
                scheduled[s.EventId] = s;
                continue;
            }

            if (e is not TaskCompletedEvent done || !scheduled.TryGetValue(done.TaskScheduledId, out var task))
            {
                continue;
            }

            var at = new DateTimeOffset(DateTime.SpecifyKind(done.Timestamp, DateTimeKind.Utc));
            switch (task.Name)
            {
                case ReceiveOrder.Name or ReadStoredOrder.Name:
                    match = Read<MatchedOrder>(done.Result)?.Match ?? match;
                    break;
                case MatchOrderLines.Name:
                    match = Read<MatchResult>(done.Result) ?? match;
                    break;
                case ReserveStock.Name when Read<ReservationResult>(done.Result) is { Reserved: true } held:
                    (reservations, released) = (held.Allocations, false);
                    break;
                case RecordChannelSale.Name when Read<List<Allocation>>(done.Result) is { } sold:
                    reservations = sold;
                    break;
                case ReleaseStock.Name:
                    released = true;
                    break;
                case ReportTracking.Name when Read<ChannelReportRecord>(done.Result) is { } report:
                    reports.Add(new ChannelReport("tracking", report.ReportedAt == default ? at : report.ReportedAt, report.IdempotencyKey, report.ChannelId, null));
                    break;
                case ReportReadyForPickup.Name:
                    reports.Add(new ChannelReport("ready-for-pickup", at, null, null, Read<string>(done.Result)));
                    break;
            }
        }

        return new OrderFacts(match?.Matched ?? [], match?.Unmatched ?? [], reservations, released, [], reports);
    }

    private static T? Read<T>(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, OrderJson.Options);
        }
        catch (JsonException)
        {
            return default; // a step's shape from an older deployment: left out, the timeline still shows the step
        }
    }
}

/// <summary>A parcel that left a location (carrier <c>pickup</c> and no tracking when the buyer collected it).</summary>
public sealed record OrderParcel(string Carrier, string? TrackingNumber, Uri? TrackingUrl, DateTimeOffset ShippedAt, string? Location, IReadOnlyList<ParcelLine> Lines)
{
    /// <summary>The parcels of an order's <c>omnichannel.order.shipped</c> and <c>.pickedup</c> events, oldest first.</summary>
    public static async Task<IReadOnlyList<OrderParcel>> ListAsync(EventJournalStore journal, string orderId, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var from = since < now - EventJournalStore.MaxAge ? now - EventJournalStore.MaxAge : since;
        var parcels = new List<OrderParcel>();
        foreach (var type in new[] { EventTypes.OrderShipped, EventTypes.OrderPickedUp })
        {
            foreach (var sent in await journal.QueryAsync(orderId, type, from, now, cancellationToken))
            {
                if (sent.Data.Deserialize<OrderEventData>(OrderJson.Options)?.Parcel is { } p)
                {
                    parcels.Add(new OrderParcel(p.Carrier, p.TrackingNumber, p.TrackingUrl, p.ShippedAt, p.Location, p.Lines));
                }
            }
        }

        return parcels.OrderBy(p => p.ShippedAt).ToList();
    }
}

/// <summary>Something the flow reported to the channel: its key, the channel's id for it, or the step's own sentence.</summary>
public sealed record ChannelReport(string Kind, DateTimeOffset At, string? Key, string? ChannelId, string? Detail);
