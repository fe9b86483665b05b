using System.Text.Json;
using Omnichannel.Hosting.Json;

namespace Omnichannel.Orders;

/// <summary>
/// What Orders stores and queues (order rows, alerts), in the hub's own convention (<see cref="HubJson.Options"/>):
/// web casing, enums as names, no nulls, the same shape the hub's earlier runtime wrote, so rows written before the
/// move still read. The fulfilment webhook has its own contract (<see cref="Fulfilment.FulfilmentJson"/>).
/// </summary>
public static class OrderJson
{
    public static JsonSerializerOptions Options => HubJson.Options;

    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, Options);
}
