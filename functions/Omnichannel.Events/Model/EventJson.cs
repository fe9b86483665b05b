using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Events.Model;

/// <summary>JSON of event data and outbox rows: camelCase, enums as strings, nulls left out.</summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>An event's data from a record or anonymous value.</summary>
    public static JsonElement Data<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("Empty JSON.");
}
