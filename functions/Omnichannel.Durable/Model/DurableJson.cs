using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Durable.Model;

/// <summary>The one JSON shape for payloads, history and messages: web casing, enums as names, no nulls.</summary>
public static class DurableJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, Options);

    public static object? Deserialize(string? json, Type type) => json is null ? null : JsonSerializer.Deserialize(json, type, Options);

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
