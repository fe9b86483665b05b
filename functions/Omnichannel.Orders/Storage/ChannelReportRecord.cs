using System.Text.Json.Serialization;

namespace Omnichannel.Orders.Storage;

/// <summary>A report a channel accepted under an idempotency key: tracking, ready for pickup or a return.</summary>
/// <param name="IdempotencyKey">The key it was sent and recorded under.</param>
/// <param name="ChannelId">
/// The channel's id for it (fulfilment, shipment or return), when the channel gives one. Written as
/// <c>ChannelShipmentId</c>, the name it had, so flow histories and records written before read the same.
/// </param>
/// <param name="ReportedAt">When the hub recorded it.</param>
public sealed record ChannelReportRecord(string IdempotencyKey, [property: JsonPropertyName("ChannelShipmentId")] string? ChannelId, DateTimeOffset ReportedAt);
