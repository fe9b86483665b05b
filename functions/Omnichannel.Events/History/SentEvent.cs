using System.Text.Json;

namespace Omnichannel.Events.History;

/// <summary>An event as GET /api/events shows it: the CloudEvent's fields and where it went.</summary>
/// <param name="Id">Stable event id.</param>
/// <param name="Type">Event type.</param>
/// <param name="Subject">Order id or SKU.</param>
/// <param name="Time">When the state change was committed.</param>
/// <param name="Data">The event's data.</param>
/// <param name="DeliveredAt">When the dispatcher finished delivering it.</param>
/// <param name="Destinations">Destinations that accepted it.</param>
/// <param name="Skipped">Paused destinations it was not sent to.</param>
public sealed record SentEvent(
    string Id, string Type, string Subject, DateTimeOffset Time, JsonElement Data, DateTimeOffset DeliveredAt, IReadOnlyList<string> Destinations, IReadOnlyList<string> Skipped);
