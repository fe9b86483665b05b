using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Events.Model;

/// <summary>
/// The events' own contract, partner-facing: the JSON of every event's data (the <c>data</c> of the CloudEvents the
/// destinations send, see <see cref="CloudEvents.HubCloudEvents"/>) and of the outbox rows and history that keep
/// them. Fixed here, not borrowed from the hub's convention: camelCase properties, enums as camelCase strings,
/// nulls left out, read case-insensitively. Pinned by a golden test; changing it changes what subscribers receive.
/// </summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>An event's data from a record or anonymous value.</summary>
    public static JsonElement Data<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("Empty JSON.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
