using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Orders;

/// <summary>
/// The JSON shape of what Orders stores and queues (order rows, alerts): web casing, enums as names, no nulls,
/// the same shape the hub's earlier runtime wrote, so rows written before the move still read.
/// </summary>
public static class OrderJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
