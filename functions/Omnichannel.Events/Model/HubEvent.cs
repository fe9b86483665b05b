using System.Text.Json;

namespace Omnichannel.Events.Model;

/// <summary>
/// An event the hub tells the systems behind it: written to an outbox with the state change that caused it and
/// sent as a CloudEvent 1.0 (<see cref="CloudEvents.HubCloudEvents"/>).
/// </summary>
/// <param name="Id">Stable id derived from business keys (<see cref="HubEventId"/>): a resend carries the same id.</param>
/// <param name="Type">One of <see cref="EventTypes"/>, e.g. <c>omnichannel.order.shipped</c>.</param>
/// <param name="Subject">The order id or the SKU; events of one subject are delivered in order.</param>
/// <param name="Time">When the state change was committed.</param>
/// <param name="Data">The payload, as documented by the type's JSON Schema (Schemas/{type}.json).</param>
public sealed record HubEvent(string Id, string Type, string Subject, DateTimeOffset Time, JsonElement Data);
