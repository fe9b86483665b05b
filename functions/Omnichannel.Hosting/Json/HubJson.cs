using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Hosting.Json;

/// <summary>
/// The one JSON convention of the hub's own formats: web casing (camelCase, read case-insensitively, numbers
/// readable from strings) and enums as their names. <see cref="Options"/> (stored rows and queue messages) also
/// leaves nulls out; HTTP bodies (a public contract) write them, through <see cref="ConfigureHttp"/>.
/// Partner-facing formats (CloudEvents data, the fulfilment and alert webhooks) do not use these: each declares
/// its own options next to its contract, so a change here cannot change a partner's wire format.
/// </summary>
public static class HubJson
{
    /// <summary>Stored rows and queue messages: web defaults, enums as names, nulls left out.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the hub's convention to the host's HTTP options (which start from the web defaults).</summary>
    public static void ConfigureHttp(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
